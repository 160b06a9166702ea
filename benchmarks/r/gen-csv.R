# Writes the whole-process benchmark's CSV: n rows, seeded, one row per subject.
# Usage: Rscript --vanilla benchmarks/r/gen-csv.R N FILE
# Columns: time (integer days >= 1), status (1 = event, 0 = censored), group (0/1, read by OncoTrial as a text
# label), x2 ~ N(0, 1) and x3 ~ N(60, 10), both rounded to 6 decimals. The model is that of gen.R (log-hazard
# -0.4*group + 0.3*x2 + 0.02*(x3 - 60), median about 250 days, uniform censoring on (0, 1500) days), with its own seed.
args <- commandArgs(trailingOnly = TRUE)
n <- as.numeric(args[1])
file <- args[2]
dir.create(dirname(file), recursive = TRUE, showWarnings = FALSE)
set.seed(20261126)
group <- rbinom(n, 1L, 0.5)
x2 <- rnorm(n)
x3 <- rnorm(n, 60, 10)
rate <- exp(-0.4 * group + 0.3 * x2 + 0.02 * (x3 - 60)) * log(2) / 250
tev <- rexp(n, rate)
cens <- runif(n, 0, 1500)
time <- as.integer(pmax(ceiling(pmin(tev, cens)), 1))
status <- as.integer(tev <= cens)
d <- data.frame(time = time, status = status, group = as.character(group),
                x2 = sprintf("%.6f", x2), x3 = sprintf("%.6f", x3))
write.csv(d, file, row.names = FALSE, quote = FALSE)
cat(sprintf("wrote %s rows to %s (%.1f MB): %d events\n", format(n, scientific = FALSE), file,
            file.size(file) / 1e6, sum(status)))
