# A study folder of about 50 enrolled subjects for benchmarks/report.sh until the reference cohort is on main: the
# committed valid-minimal study (tests/OncoTrial.Clinical.Tests/Study/studies/valid-minimal: 3 enrolled subjects and
# a screening failure, every SDTM domain) copied COPIES times, each copy's subjects renamed (USUBJID and SUBJID with
# the copy's number) and its full dates moved by 7 days per copy, so that the study stays valid and before its cutoff.
#   Rscript --vanilla benchmarks/r/gen-report-study.R SOURCE_DIR OUT_DIR [COPIES=17]
args <- commandArgs(trailingOnly = TRUE)
source_dir <- args[1]
out_dir <- args[2]
copies <- if (length(args) >= 3) as.integer(args[3]) else 17L
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
full_date <- "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
for (file in list.files(source_dir, pattern = "\\.csv$")) {
  d <- read.csv(file.path(source_dir, file), colClasses = "character", check.names = FALSE, na.strings = character())
  if (!("USUBJID" %in% names(d))) {
    write.csv(d, file.path(out_dir, file), row.names = FALSE, na = "")
    next
  }
  parts <- lapply(seq_len(copies), function(k) {
    c <- d
    c$USUBJID <- sprintf("%s-%02d", c$USUBJID, k)
    if ("SUBJID" %in% names(c)) c$SUBJID <- sprintf("%s%02d", c$SUBJID, k)
    for (col in grep("DTC$", names(c), value = TRUE)) {
      is_full <- grepl(full_date, c[[col]])
      c[[col]][is_full] <- format(as.Date(c[[col]][is_full]) + 7L * (k - 1L), "%Y-%m-%d")
    }
    c
  })
  write.csv(do.call(rbind, parts), file.path(out_dir, file), row.names = FALSE, na = "")
}
