# Times foreign::read.xport on the XPT file OncoTrial's writer produced (benchmarks/xpt.sh) and prints the same
# checksum line as the C# side: rows, columns, sum of AVAL, median read seconds.
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
reps <- if (length(args) >= 2) as.integer(args[2]) else 3L
suppressPackageStartupMessages(library(foreign))
times <- numeric(reps)
for (r in seq_len(reps)) {
  gc()
  times[r] <- system.time(d <- read.xport(path))[["elapsed"]]
}
cat(sprintf("r\t%d\t%d\t%.17g\t%.3f\n", nrow(d), ncol(d), sum(d$AVAL), median(times)))
