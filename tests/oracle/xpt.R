# Oracle fixture for the XPT v5 reader and writer: what R's foreign::read.xport reads from
#  1. each CDISC pilot transport file in ../shared/data/cdiscpilot01 (kept outside the repository):
#     dimensions, column names, and every column's value in the first, middle and last row;
#  2. tests/oracle/data/oncotrial-written.xpt, a small file written by OncoTrial's XptFile.Write (committed, so the
#     fixture does not depend on a fresh build): every value.
# Numbers are written as numbers, NA as null. read.xport returns SAS numeric dates as plain numbers (day counts)
# and blank character values as "". Run from the repository root: Rscript tests/oracle/xpt.R [outdir].
suppressPackageStartupMessages(library(foreign))
source("tests/oracle/lib/json.R")

pilot_dir <- shared_data_dir("cdiscpilot01", "tests/oracle/xpt.R")

column_values <- function(d, rows) {
  out <- lapply(names(d), function(nm) {
    v <- d[[nm]][rows]
    if (is.factor(v)) v <- as.character(v)
    I(v)
  })
  names(out) <- names(d)
  out
}

files <- sort(list.files(pilot_dir, pattern = "\\.xpt$"))
pilot <- lapply(files, function(f) {
  d <- read.xport(file.path(pilot_dir, f))
  n <- nrow(d)
  rows <- unique(c(1L, n %/% 2L + 1L, n))
  list(file = f, rows = n, columns = ncol(d), names = I(names(d)),
       sample_rows = I(rows - 1L), # 0-based, as the C# tests index
       values = column_values(d, rows))
})

written_path <- file.path("tests", "oracle", "data", "oncotrial-written.xpt")
w <- read.xport(written_path)
written <- list(file = "oncotrial-written.xpt", rows = nrow(w), columns = ncol(w), names = I(names(w)),
                values = column_values(w, seq_len(nrow(w))))

write_fixture(list(foreign_version = as.character(utils::packageVersion("foreign")), pilot = pilot, written = written),
              "xpt", fixture_dir())
