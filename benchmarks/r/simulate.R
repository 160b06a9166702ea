# Plain vectorised R: the paper's single-arm design simulated TRIALS times (50 patients per trial, uniform accrual
# over 12 months, exponential survival with the H1 median 9.8 months, exponential dropout 20% by month 12, one
# analysis at month 24) and analysed with the exponential test on log hazard, z = (log(D/S) - log(lambda0)) * sqrt(D),
# two-sided alpha 0.05. Trials are processed in chunks of CHUNK so the matrices stay small.
#   Rscript --vanilla benchmarks/r/simulate.R TRIALS SEED [CHUNK]
# Prints one tab-separated line: trials, seconds, trials per minute, power (rejections toward H1 / trials).
args <- commandArgs(trailingOnly = TRUE)
trials <- as.numeric(args[1]); seed <- as.integer(args[2])
chunk <- if (length(args) >= 3) as.numeric(args[3]) else 1e5
set.seed(seed)
n <- 50; A <- 12; FU <- 12
lambda0 <- log(2) / 5.7; lambda1 <- log(2) / 9.8; eta <- -log(1 - 0.2) / 12
crit <- qnorm(0.975)
reject <- 0; done <- 0
t0 <- proc.time()[["elapsed"]]
while (done < trials) {
  m <- min(chunk, trials - done)
  k <- n * m
  entry <- runif(k, 0, A)
  t <- rexp(k, lambda1)
  loss <- rexp(k, eta)
  censor <- pmin(loss, A + FU - entry)
  x <- pmin(t, censor)
  d <- t <= censor
  D <- colSums(matrix(d, nrow = n))
  S <- colSums(matrix(x, nrow = n))
  z <- (log(D / S) - log(lambda0)) * sqrt(D)
  reject <- reject + sum(D > 0 & z < -crit)
  done <- done + m
}
secs <- proc.time()[["elapsed"]] - t0
cat(sprintf("%.0f\t%.3f\t%.0f\t%.5f\n", trials, secs, trials / secs * 60, reject / trials))
