# Oracle for LogRankTest (tests/OncoTrial.Statistics.Tests/Survival/LogRankOracleTests.cs).
# Run from the repository root: Rscript --vanilla tests/oracle/logrank.R [outdir]  (or tests/oracle/run-all.sh).
#
# Each case stores its input (time, status, 0-based group codes, 0-based stratum codes or [] when unstratified)
# and R's results:
#   * survival::survdiff with rho = 0 (log-rank) and rho = 1 (= Fleming-Harrington(1, 0)): obs, exp, var,
#     chisq, p. For stratified fits obs and exp are summed over strata. For rho = 1 survdiff multiplies obs and
#     exp by the weight, so those are stored as obs_weighted / exp_weighted and compared with the score
#     (obs_weighted - exp_weighted); the unweighted O and E are those of rho = 0.
#   * Gehan-Breslow, Tarone-Ware, Peto-Peto, modified Peto-Peto and Fleming-Harrington(0, 1), (1, 1) weights,
#     which survdiff lacks: computed below by `weighted_logrank`, a short base-R transcription of the textbook
#     formulas (Klein & Moeschberger 2003, section 7.3; SAS LIFETEST "Computational Formulas"), written for this
#     oracle and not taken from any package. Those numbers are R-computed facts, not survdiff output. The same
#     function is checked against survdiff for rho = 0 and rho = 1 on every case before anything is written.
# All times are integers, so survdiff's timefix (merging of nearly equal times) changes nothing.
source("tests/oracle/lib/json.R")
suppressPackageStartupMessages(library(survival))

weighted_logrank <- function(time, status, group, strata, k, weight, rho = 0, gamma = 0) {
  U <- numeric(k); V <- matrix(0, k, k); O <- numeric(k); E <- numeric(k)
  for (s in sort(unique(strata))) {
    in_s <- strata == s
    tt <- time[in_s]; st <- status[in_s]; gg <- group[in_s]
    km <- 1      # pooled Kaplan-Meier just before t (left-continuous)
    tilde <- 1   # prod (1 - d / (Y + 1)) up to and including t
    for (t in sort(unique(tt[st == 1]))) {
      yj <- tabulate(gg[tt >= t] + 1, k)
      dj <- tabulate(gg[tt == t & st == 1] + 1, k)
      y <- sum(yj); d <- sum(dj)
      tilde <- tilde * (1 - d / (y + 1))
      w <- switch(weight,
        logrank = 1, gehan = y, tarone = sqrt(y), peto = tilde,
        modpeto = tilde * y / (y + 1), fh = km^rho * (1 - km)^gamma)
      km <- km * (1 - d / y)
      e <- d * yj / y
      O <- O + dj; E <- E + e; U <- U + w * (dj - e)
      if (y > 1) V <- V + w^2 * d * (y - d) / (y^2 * (y - 1)) * (y * diag(yj, k) - outer(yj, yj))
    }
  }
  keep <- which(E > 0)[-1]
  chisq <- if (length(keep) > 0) drop(U[keep] %*% solve(V[keep, keep, drop = FALSE], U[keep])) else 0
  list(observed = O, expected = E, score = U, var = V, chisq = chisq, df = length(keep),
       p = pchisq(chisq, length(keep), lower.tail = FALSE))
}

sum_strata <- function(x) if (is.matrix(x)) rowSums(x) else as.vector(x)

make_case <- function(name, r_call, time, status, group, strata = NULL) {
  g <- factor(group)
  k <- nlevels(g)
  gcode <- as.integer(g) - 1L
  scode <- if (is.null(strata)) rep(0L, length(time)) else as.integer(factor(strata)) - 1L
  stopifnot(all(time == round(time)))
  fit <- function(rho) {
    if (is.null(strata)) survdiff(Surv(time, status) ~ g, rho = rho)
    else survdiff(Surv(time, status) ~ g + strata(scode), rho = rho)
  }
  tests <- list()
  for (rho in c(0, 1)) {
    f <- fit(rho)
    mine <- weighted_logrank(time, status, gcode, scode, k, "fh", rho = rho)
    obs <- sum_strata(f$obs); ex <- sum_strata(f$exp)
    # The formula transcription must reproduce survdiff before it is trusted for the other weights.
    stopifnot(isTRUE(all.equal(mine$score, obs - ex, tolerance = 1e-12)),
              isTRUE(all.equal(mine$var, unname(f$var), tolerance = 1e-12)),
              isTRUE(all.equal(mine$chisq, f$chisq, tolerance = 1e-12)))
    df <- sum(ex > 0) - 1
    entry <- list(
      weighting = if (rho == 0) "LogRank" else "FlemingHarrington", rho = rho, gamma = 0,
      source = sprintf("survival::survdiff(rho = %d)", rho),
      score = I(obs - ex), variance = I(as.vector(t(f$var))), chisq = f$chisq, df = df,
      p = f$pvalue)
    if (rho == 0) {
      entry$observed <- I(obs); entry$expected <- I(ex)
    } else {
      entry$obs_weighted <- I(obs); entry$exp_weighted <- I(ex)
    }
    tests[[length(tests) + 1]] <- entry
  }
  own <- list(
    list("GehanBreslow", "gehan", 0, 0), list("TaroneWare", "tarone", 0, 0),
    list("PetoPeto", "peto", 0, 0), list("ModifiedPetoPeto", "modpeto", 0, 0),
    list("FlemingHarrington", "fh", 0, 1), list("FlemingHarrington", "fh", 1, 1))
  for (o in own) {
    m <- weighted_logrank(time, status, gcode, scode, k, o[[2]], rho = o[[3]], gamma = o[[4]])
    tests[[length(tests) + 1]] <- list(
      weighting = o[[1]], rho = o[[3]], gamma = o[[4]],
      source = "weighted_logrank() in tests/oracle/logrank.R (textbook formulas, computed in R)",
      score = I(m$score), variance = I(as.vector(t(m$var))), chisq = m$chisq, df = m$df, p = m$p,
      observed = I(m$observed), expected = I(m$expected))
  }
  list(
    name = name, r_call = r_call, group_levels = I(levels(g)), group_count = k,
    strata_count = if (is.null(strata)) 1L else nlevels(factor(strata)),
    n = I(as.vector(table(g))),
    data = list(time = I(time), status = I(as.integer(status)), group = I(gcode),
                strata = I(if (is.null(strata)) integer(0) else scode)),
    tests = tests)
}

cases <- list()
cases[[1]] <- with(aml, make_case("aml_x", "survdiff(Surv(time, status) ~ x, aml)", time, status, x))

lung2 <- lung[!is.na(lung$ph.ecog), ]
cases[[2]] <- with(lung, make_case("lung_sex", "survdiff(Surv(time, status) ~ sex, lung)", time, status - 1, sex))
cases[[3]] <- with(lung2, make_case("lung_sex_strata_ph.ecog",
  "survdiff(Surv(time, status) ~ sex + strata(ph.ecog), lung[!is.na(lung$ph.ecog), ])", time, status - 1, sex, ph.ecog))
cases[[4]] <- with(ovarian, make_case("ovarian_rx", "survdiff(Surv(futime, fustat) ~ rx, ovarian)", futime, fustat, rx))
cases[[5]] <- with(veteran, make_case("veteran_trt", "survdiff(Surv(time, status) ~ trt, veteran)", time, status, trt))
cases[[6]] <- with(veteran, make_case("veteran_celltype", "survdiff(Surv(time, status) ~ celltype, veteran)", time, status, celltype))
cases[[7]] <- with(veteran, make_case("veteran_trt_strata_celltype",
  "survdiff(Surv(time, status) ~ trt + strata(celltype), veteran)", time, status, trt, celltype))

# Heavy ties: integer times 1..20, three groups with different hazards, about a quarter censored.
set.seed(20240917)
n <- 200
sg <- sample(0:2, n, replace = TRUE)
st <- pmin(20, ceiling(rexp(n, rate = c(0.10, 0.14, 0.20)[sg + 1])))
ss <- rbinom(n, 1, 0.75)
sstrata <- sample(c("a", "b"), n, replace = TRUE)
cases[[8]] <- make_case("synthetic_ties_3_groups", "set.seed(20240917); see tests/oracle/logrank.R", st, ss, sg)
cases[[9]] <- make_case("synthetic_ties_3_groups_2_strata", "set.seed(20240917); see tests/oracle/logrank.R", st, ss, sg, sstrata)

write_fixture(list(cases = cases), "logrank", fixture_dir())
