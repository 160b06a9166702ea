# Oracle for OncoTrial.Statistics.Design.SingleStageBinomialDesign and SimonTwoStageDesign.Evaluate
# (tests/oracle/fixtures/design-simon.json). Base R only (stats::pbinom, stats::dbinom). Run from the repository root:
#   Rscript --vanilla tests/oracle/design-simon.R [outdir]
#
# * single_stage: A'Hern (2001) exact single-stage design: for n = 1, 2, ...: r = smallest count with
#   P(X >= r | n, p0) <= alpha; the first n with P(X >= r | n, p1) >= power (tolerance 1e-12) is the design.
# * simon_oc: operating characteristics of given two-stage designs r1/n1, r/n (Simon 1989 conventions: stop if
#   X1 <= r1, active if X1 + X2 > r): PET0 = pbinom(r1, n1, p0), EN0 = n1 + (1 - PET0)(n - n1),
#   P(reject | p) = sum_{x = r1+1}^{n1} dbinom(x, n1, p) * P(Bin(n - n1, p) > r - x).
source("tests/oracle/lib/json.R")

single_stage <- function(p0, p1, alpha, power, nmax = 1000) {
  for (n in 1:nmax) {
    r <- 0:(n + 1)
    a <- pbinom(r - 1, n, p0, lower.tail = FALSE)
    r <- r[which(a <= alpha)[1]]
    if (is.na(r) || r > n) next
    pw <- pbinom(r - 1, n, p1, lower.tail = FALSE)
    if (pw >= power - 1e-12) {
      return(list(p0 = p0, p1 = p1, alpha_target = alpha, power_target = power, n = n, r = r,
                  alpha = pbinom(r - 1, n, p0, lower.tail = FALSE), power = pw))
    }
  }
  NULL
}

reject <- function(r1, n1, r, n, p) {
  x <- (r1 + 1):n1
  sum(dbinom(x, n1, p) * pbinom(r - x, n - n1, p, lower.tail = FALSE))
}

simon_oc <- function(p0, p1, r1, n1, r, n) {
  pet <- pbinom(r1, n1, p0)
  list(p0 = p0, p1 = p1, r1 = r1, n1 = n1, r = r, n = n, pet0 = pet, en0 = n1 + (1 - pet) * (n - n1),
       alpha = reject(r1, n1, r, n, p0), power = reject(r1, n1, r, n, p1))
}

ss <- list()
for (pp in list(c(0.05, 0.25), c(0.10, 0.30), c(0.20, 0.40), c(0.30, 0.50), c(0.40, 0.60),
                c(0.05, 0.15), c(0.10, 0.20), c(0.60, 0.80), c(0.70, 0.90))) {
  for (ab in list(c(0.05, 0.80), c(0.05, 0.90), c(0.10, 0.90), c(0.025, 0.80), c(0.01, 0.95))) {
    ss[[length(ss) + 1]] <- single_stage(pp[1], pp[2], ab[1], ab[2])
  }
}

designs <- list(
  c(0.05, 0.25, 0, 9, 2, 17), c(0.05, 0.25, 0, 12, 2, 16),
  c(0.10, 0.30, 1, 10, 5, 29), c(0.10, 0.30, 1, 15, 5, 25),
  c(0.20, 0.40, 3, 13, 12, 43), c(0.20, 0.40, 4, 18, 10, 33),
  c(0.30, 0.50, 5, 15, 18, 46), c(0.30, 0.50, 6, 19, 16, 39),
  c(0.40, 0.60, 7, 16, 23, 46), c(0.40, 0.60, 17, 34, 20, 39),
  c(0.10, 0.30, 1, 12, 5, 35), c(0.10, 0.30, 1, 16, 4, 25),
  c(0.20, 0.40, 3, 17, 10, 37), c(0.20, 0.40, 3, 19, 10, 36),
  c(0.10, 0.30, 2, 18, 6, 35), c(0.40, 0.60, 7, 18, 22, 46))
oc <- lapply(designs, function(d) simon_oc(d[1], d[2], d[3], d[4], d[5], d[6]))

write_fixture(list(single_stage = ss, simon_oc = oc), "design-simon", fixture_dir())
