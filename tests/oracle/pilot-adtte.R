# Oracle fixture for `oncotrial survival` on a real ADaM file: the CDISC pilot ADTTE (PARAMCD TTDE, CNSR 1 =
# censored, by TRTA), read with foreign::read.xport and analysed with survival: log-log quartiles, log-rank, Cox
# (Efron and Breslow). Run from the repository root: Rscript tests/oracle/pilot-adtte.R [outdir].
suppressPackageStartupMessages({ library(survival); library(foreign) })
source("tests/oracle/lib/json.R")

d <- read.xport(file.path(shared_data_dir("cdiscpilot01", "tests/oracle/pilot-adtte.R"), "adam-adtte.xpt"))
d <- d[d$PARAMCD == "TTDE", ]
d$TRTA <- factor(as.character(d$TRTA), levels = sort(unique(as.character(d$TRTA)), method = "radix"))
fit <- survfit(Surv(AVAL, 1 - CNSR) ~ TRTA, data = d, conf.type = "log-log")
q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
groups <- lapply(seq_along(levels(d$TRTA)), function(i) list(
  group = levels(d$TRTA)[i],
  n = sum(d$TRTA == levels(d$TRTA)[i]),
  events = sum(d$TRTA == levels(d$TRTA)[i] & d$CNSR == 0),
  quantile_estimate = I(unname(q$quantile[i, ])),
  quantile_lower = I(unname(q$lower[i, ])),
  quantile_upper = I(unname(q$upper[i, ]))))
sd <- survdiff(Surv(AVAL, 1 - CNSR) ~ TRTA, data = d)
cox_of <- function(ties) {
  m <- coxph(Surv(AVAL, 1 - CNSR) ~ TRTA, data = d, ties = ties)
  # summary()'s logtest/waldtest/sctest are rounded for printing; the fit object holds the full values.
  list(ties = ties, coef = I(unname(coef(m))), se = I(unname(sqrt(diag(vcov(m))))),
       loglik = I(unname(m$loglik)), lr = 2 * (m$loglik[2] - m$loglik[1]), wald = unname(m$wald.test),
       score = unname(m$score))
}
write_fixture(list(
  n = nrow(d), groups = groups,
  logrank = list(chisq = sd$chisq, observed = I(unname(sd$obs)), expected = I(unname(sd$exp))),
  cox = list(cox_of("efron"), cox_of("breslow"))), "pilot-adtte", fixture_dir())
