# Oracle fixture for the reference cohort's Kaplan-Meier figures (issue 12): every KM number `oncotrial reproduce`
# reports, recomputed by R survival from the ADTTE that `oncotrial derive --format csv` writes for the built-in cohort
# (tests/oracle/data/reference-cohort-adtte.csv; a test keeps it equal to the pipeline's output) and from the cohort's
# SC (liver metastases, PD-L1 CPS), independently of OncoTrial's analysis code: n, events, medians with log-log
# intervals (quantile.survfit), 12-month landmarks, median follow-up by reverse KM, subgroup medians and log-rank tests.
# Months = days / 30.4375. Run from the repository root: Rscript tests/oracle/reference-cohort.R [outdir].
suppressPackageStartupMessages(library(survival))
source("tests/oracle/lib/json.R")

days_per_month <- 30.4375
adtte <- read.csv("tests/oracle/data/reference-cohort-adtte.csv", stringsAsFactors = FALSE)
sc <- read.csv("src/OncoTrial.ReferenceCohort/Cohort/sc.csv", stringsAsFactors = FALSE)
liver <- unique(sc$USUBJID[sc$SCTESTCD == "METSITE" & sc$SCSTRESC == "LIVER"])
cps_rows <- sc[sc$SCTESTCD == "PDL1CPS", ]
cps <- setNames(as.numeric(cps_rows$SCSTRESN), cps_rows$USUBJID)

fit_of <- function(d) survfit(Surv(AVAL / days_per_month, 1 - pmin(CNSR, 1)) ~ 1, data = d, conf.type = "log-log")

median_of <- function(fit) {
  q <- quantile(fit, probs = 0.5)
  list(estimate = unname(q$quantile[1]), lower = unname(q$lower[1]), upper = unname(q$upper[1]))
}

landmark_of <- function(fit, months) {
  s <- summary(fit, times = months)
  list(months = months, n_risk = unname(s$n.risk), survival = unname(s$surv), std_err = unname(s$std.err),
       lower = unname(s$lower), upper = unname(s$upper))
}

endpoint_of <- function(param) {
  d <- adtte[adtte$PARAMCD == param, ]
  fit <- fit_of(d)
  list(param = param, n = nrow(d), events = sum(d$CNSR == 0), median = median_of(fit),
       landmark_12 = landmark_of(fit, 12))
}

subgroup_of <- function(param, name, member) {
  d <- adtte[adtte$PARAMCD == param, ]
  d <- d[!is.na(member(d$USUBJID)), ]
  g <- member(d$USUBJID)
  levels <- lapply(c(FALSE, TRUE), function(v) {
    dv <- d[g == v, ]
    list(level = v, n = nrow(dv), events = sum(dv$CNSR == 0), median = median_of(fit_of(dv)))
  })
  sd <- survdiff(Surv(AVAL, 1 - pmin(CNSR, 1)) ~ g, data = d)
  list(param = param, subgroup = name, levels = levels,
       logrank = list(chisq = sd$chisq, p = pchisq(sd$chisq, df = 1, lower.tail = FALSE)))
}

os <- adtte[adtte$PARAMCD == "OS", ]
reverse <- survfit(Surv(AVAL / days_per_month, pmin(CNSR, 1)) ~ 1, data = os, conf.type = "log-log")

write_fixture(list(
  days_per_month = days_per_month,
  endpoints = lapply(c("PFS", "OS", "DOR"), endpoint_of),
  follow_up = median_of(reverse),
  subgroups = list(
    subgroup_of("PFS", "liver", function(id) id %in% liver),
    subgroup_of("OS", "liver", function(id) id %in% liver),
    subgroup_of("PFS", "pdl1-1", function(id) ifelse(is.na(cps[id]), NA, cps[id] >= 1)),
    subgroup_of("PFS", "pdl1-10", function(id) ifelse(is.na(cps[id]), NA, cps[id] >= 10)))),
  "reference-cohort", fixture_dir())
