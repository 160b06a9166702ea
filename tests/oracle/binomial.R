# Oracle for OncoTrial.Statistics.BinomialInterval and BinomialTest (tests/oracle/fixtures/binomial.json).
# Base R only (stats::binom.test, stats::prop.test, stats::qbeta, stats::qnorm). Run from the repository root:
#   Rscript --vanilla tests/oracle/binomial.R [outdir]
#
# One case per (x, n, level): every CI method, and binom.test p-values against p0 in {0.1, 0.3, 0.5}.
# Conventions recorded here, mirrored in docs/methods/binomial.md:
# * clopper_pearson: binom.test(x, n, conf.level = level)$conf.int (lower 0 at x = 0, upper 1 at x = n).
# * wilson: prop.test(x, n, correct = FALSE)$conf.int. At x = 0 prop.test sets the lower limit to 0 and at
#   x = n the upper to 1 (its p.c <= 0 / p.c >= 1 branches); the Wilson formula gives the same values there.
# * wilson_corrected: prop.test(x, n, p = p_cc, correct = TRUE)$conf.int, Newcombe's (1998) method 4.
#   prop.test shrinks the continuity correction to min(0.5, |x - n*p|), where p is the *null* proportion
#   (default 0.5), so with the default p the correction vanishes at x = n/2. The CI should not depend on the
#   null, so p_cc = max(x - 0.5, 0.5)/n is passed, which keeps |x - n*p_cc| >= 0.5 (full correction).
#   The default-p result is recorded too, as wilson_corrected_default_p, to document the difference.
#   Limits whose shifted proportion x/n -+ 0.5/n leaves (0, 1) are 0 and 1.
# * jeffreys: qbeta(alpha/2, x + 0.5, n - x + 0.5), qbeta(1 - alpha/2, ...), with lower 0 at x = 0 and
#   upper 1 at x = n (Brown, Cai & DasGupta 2001, section 4.1.2).
# * agresti_coull: n~ = n + z^2, p~ = (x + z^2/2)/n~, p~ -+ z sqrt(p~(1 - p~)/n~), truncated to [0, 1].
# * wald: p -+ z sqrt(p(1 - p)/n), truncated to [0, 1].
# * p-values: binom.test(x, n, p0, alternative)$p.value for "greater", "less", "two.sided".
source("tests/oracle/lib/json.R")

grid_n <- c(1, 5, 20, 43, 50, 200)
pairs <- list()
for (n in grid_n) {
  xs <- sort(unique(c(0, 1, n - 1, n, floor(n / 2), round(n / 5), round(0.72 * n))))
  xs <- xs[xs >= 0 & xs <= n]
  for (x in xs) pairs[[length(pairs) + 1]] <- c(x, n)
}
# The paper's four (36/50, 42/50, 36/43, 42/43), plus the documented edges 0/20 and 20/20.
for (p in list(c(36, 50), c(42, 50), c(36, 43), c(42, 43))) pairs[[length(pairs) + 1]] <- p
key <- vapply(pairs, function(p) sprintf("%d/%d", p[1], p[2]), "")
pairs <- pairs[!duplicated(key)]

levels <- c(0.90, 0.95, 0.99)
p0s <- c(0.1, 0.3, 0.5)

ci_case <- function(x, n, level) {
  alpha <- 1 - level
  z <- qnorm(1 - alpha / 2)
  cp <- binom.test(x, n, conf.level = level)$conf.int
  w <- suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE)$conf.int)
  p_cc <- max(x - 0.5, 0.5) / n
  wc <- suppressWarnings(prop.test(x, n, p = p_cc, conf.level = level, correct = TRUE)$conf.int)
  wcd <- suppressWarnings(prop.test(x, n, conf.level = level, correct = TRUE)$conf.int)
  jl <- if (x == 0) 0 else qbeta(alpha / 2, x + 0.5, n - x + 0.5)
  ju <- if (x == n) 1 else qbeta(1 - alpha / 2, x + 0.5, n - x + 0.5)
  nt <- n + z^2
  pt <- (x + z^2 / 2) / nt
  hw <- z * sqrt(pt * (1 - pt) / nt)
  ph <- x / n
  hwald <- z * sqrt(ph * (1 - ph) / n)
  pv <- lapply(p0s, function(p0) list(
    p0 = p0,
    greater = binom.test(x, n, p0, alternative = "greater")$p.value,
    less = binom.test(x, n, p0, alternative = "less")$p.value,
    two_sided = binom.test(x, n, p0, alternative = "two.sided")$p.value
  ))
  list(
    x = x, n = n, level = level, z = z, estimate = ph,
    clopper_pearson = I(c(cp[1], cp[2])),
    wilson = I(c(w[1], w[2])),
    wilson_corrected = I(c(wc[1], wc[2])),
    wilson_corrected_default_p = I(c(wcd[1], wcd[2])),
    jeffreys = I(c(jl, ju)),
    agresti_coull = I(c(max(0, pt - hw), min(1, pt + hw))),
    wald = I(c(max(0, ph - hwald), min(1, ph + hwald))),
    binom_test = pv
  )
}

cases <- list()
for (p in pairs) for (level in levels) cases[[length(cases) + 1]] <- ci_case(p[1], p[2], level)

write_fixture(list(cases = cases), "binomial", fixture_dir())
