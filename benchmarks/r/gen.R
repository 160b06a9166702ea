# Generates the benchmark data set: n rows, seeded, written as little-endian binary columns in DIR.
# Usage: Rscript --vanilla benchmarks/r/gen.R N DIR
# Columns: tday.f64 (integer days >= 1), tcont.f64 (days rounded to 1e-4; checked below to be unchanged by
# R's timefix), status.i32 (1 = event), group.i32 (0/1, also the binary Cox covariate), x2.f64 ~ N(0, 1),
# x3.f64 (age-like, N(60, 10)). True model: log-hazard -0.4*group + 0.3*x2 + 0.02*(x3 - 60), median about
# 250 days, uniform censoring on (0, 1500) days.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
n <- as.numeric(args[1])
dir <- args[2]
dir.create(dir, recursive = TRUE, showWarnings = FALSE)
set.seed(20240303)
group <- rbinom(n, 1L, 0.5)
x2 <- rnorm(n)
x3 <- rnorm(n, 60, 10)
rate <- exp(-0.4 * group + 0.3 * x2 + 0.02 * (x3 - 60)) * log(2) / 250
tev <- rexp(n, rate)
cens <- runif(n, 0, 1500)
t <- pmin(tev, cens)
status <- as.integer(tev <= cens)
tday <- pmax(ceiling(t), 1)
tcont <- pmax(round(t, 4), 1e-4)

# Both tools must see the same distinct times: R's timefix (aeqSurv) must merge nothing.
stopifnot(identical(unclass(aeqSurv(Surv(tcont, status)))[, 1], tcont))

put <- function(x, name, size) {
  con <- file(file.path(dir, name), "wb")
  writeBin(x, con, size = size, endian = "little")
  close(con)
}
put(as.double(tday), "tday.f64", 8)
put(as.double(tcont), "tcont.f64", 8)
put(as.integer(status), "status.i32", 4)
put(as.integer(group), "group.i32", 4)
put(as.double(x2), "x2.f64", 8)
put(as.double(x3), "x3.f64", 8)
writeLines(format(n, scientific = FALSE), file.path(dir, "n.txt"))
cat(sprintf("generated n = %s in %s: %d events, %d distinct days, %d distinct continuous times\n",
            format(n, scientific = FALSE), dir, sum(status), length(unique(tday)), length(unique(tcont))))
