# Oracle for OncoTrial.Statistics.CoxModel: R survival::coxph on aml, lung, ovarian, veteran and a seeded
# synthetic set with heavy ties, strata and integer case weights, each with Efron and Breslow ties.
# Run from the repository root (tests/oracle/run-all.sh does): Rscript --vanilla tests/oracle/cox.R [outdir]
#
# Each case is fitted twice:
#  * "default": coxph.control() defaults (eps = 1e-9, iter.max = 20), to check that the C# iteration follows
#    the same path (same iteration count, same stopping point);
#  * "tight": eps = 1e-13, toler.chol = 1e-14, iter.max = 100, so both implementations sit at the maximum to machine precision
#    and the comparison at 1e-10 relative does not depend on where the iterations stopped.
# Case weights: for Breslow, coxph(weights = w) equals coxph on the rows replicated w times. For Efron it does
# not (R counts tied rows, not weighted events), and OncoTrial defines integer weights as frequency weights,
# so the reference fit is always coxph on the replicated rows (see docs/methods/cox.md).
# R's timefix is left on; every time here is an integer or a distinct value, so it merges nothing.
suppressPackageStartupMessages(library(survival))
source("tests/oracle/lib/json.R")

# Factor levels in ordinal (radix) order, the first as reference unless named: as OncoTrial Factor.Create.
as_levels <- function(v, reference = NULL) {
  v <- as.character(v)
  lv <- sort(unique(v), method = "radix")
  if (!is.null(reference)) lv <- c(reference, setdiff(lv, reference))
  factor(v, levels = lv)
}

fit_case <- function(name, df, covs, ties, strata = NULL, weights = NULL) {
  # covs: list of list(name, type = "numeric"|"categorical", reference)
  d <- data.frame(time = df$time, status = df$status)
  term_names <- character(0)
  cov_json <- list()
  for (cv in covs) {
    v <- df[[cv$name]]
    if (cv$type == "categorical") {
      f <- as_levels(v, cv$reference)
      d[[cv$name]] <- f
      term_names <- c(term_names, paste0(cv$name, "=", levels(f)[-1]))
      cov_json[[length(cov_json) + 1]] <- list(name = cv$name, type = "categorical",
        reference = if (is.null(cv$reference)) NA else cv$reference, values = I(as.character(v)))
    } else {
      d[[cv$name]] <- as.numeric(v)
      term_names <- c(term_names, cv$name)
      cov_json[[length(cov_json) + 1]] <- list(name = cv$name, type = "numeric", reference = NA, values = I(as.numeric(v)))
    }
  }
  rhs <- paste(vapply(covs, function(cv) cv$name, ""), collapse = " + ")
  if (!is.null(strata)) { d$stratum <- strata; rhs <- paste(rhs, "+ strata(stratum)") }
  fml <- as.formula(paste("Surv(time, status) ~", rhs))
  fitted <- if (is.null(weights)) d else d[rep(seq_len(nrow(d)), weights), ]
  one <- function(control) {
    fit <- coxph(fml, data = fitted, ties = ties, control = control, model = FALSE, x = FALSE, y = FALSE)
    s <- summary(fit, conf.int = 0.95)
    list(
      iterations = fit$iter,
      coef = I(unname(coef(fit))),
      se = I(unname(sqrt(diag(fit$var)))),
      hazard_ratio = I(unname(exp(coef(fit)))),
      lower = I(unname(s$conf.int[, 3])),
      upper = I(unname(s$conf.int[, 4])),
      z = I(unname(s$coefficients[, 4])),
      p = I(unname(s$coefficients[, 5])),
      covariance = I(as.vector(fit$var)),
      loglik_null = fit$loglik[1],
      loglik = fit$loglik[2],
      # summary()$waldtest is rounded for printing; take the unrounded statistics from the fit.
      wald = unname(fit$wald.test), wald_df = length(coef(fit)),
      wald_p = pchisq(unname(fit$wald.test), length(coef(fit)), lower.tail = FALSE),
      lr = 2 * diff(fit$loglik), lr_p = pchisq(2 * diff(fit$loglik), length(coef(fit)), lower.tail = FALSE),
      score = unname(fit$score), score_p = pchisq(unname(fit$score), length(coef(fit)), lower.tail = FALSE),
      n = nrow(df), events = sum(df$status * (if (is.null(weights)) 1 else weights))
    )
  }
  list(
    name = name, ties = ties,
    data = list(time = I(as.numeric(df$time)), status = I(as.integer(df$status)), covariates = cov_json,
                strata = if (is.null(strata)) NULL else I(as.integer(strata)),
                weights = if (is.null(weights)) NULL else I(as.integer(weights))),
    terms = I(term_names),
    default = one(coxph.control()),
    tight = one(coxph.control(eps = 1e-13, toler.chol = 1e-14, iter.max = 100))
  )
}

cases <- list()
add <- function(...) for (ties in c("efron", "breslow")) cases[[length(cases) + 1]] <<- fit_case(..., ties = ties)

# aml (Miller 1981): maintenance vs not, reference Nonmaintained as in docs/reference/survival-conventions.md §5.
aml_df <- data.frame(time = aml$time, status = aml$status, x = as.character(aml$x))
add("aml", aml_df, list(list(name = "x", type = "categorical", reference = "Nonmaintained")))

# lung (NCCTG): sex + age + ph.ecog as numbers, complete cases; status recoded 1/2 -> 0/1.
lung_cc <- lung[complete.cases(lung[, c("time", "status", "sex", "age", "ph.ecog")]), ]
lung_df <- data.frame(time = lung_cc$time, status = lung_cc$status - 1, sex = lung_cc$sex, age = lung_cc$age, ph.ecog = lung_cc$ph.ecog)
lung_covs <- list(list(name = "sex", type = "numeric"), list(name = "age", type = "numeric"), list(name = "ph.ecog", type = "numeric"))
add("lung", lung_df, lung_covs)

# lung stratified by institution (complete cases of inst too); strata coded 0..s-1 in sorted order.
lung_si <- lung[complete.cases(lung[, c("time", "status", "sex", "age", "ph.ecog", "inst")]), ]
lung_sdf <- data.frame(time = lung_si$time, status = lung_si$status - 1, sex = lung_si$sex, age = lung_si$age, ph.ecog = lung_si$ph.ecog)
add("lung_strata_inst", lung_sdf, lung_covs, strata = as.integer(factor(lung_si$inst)) - 1L)

# ovarian: rx (1, 2) as categorical + age.
ov_df <- data.frame(time = ovarian$futime, status = ovarian$fustat, rx = as.character(ovarian$rx), age = ovarian$age)
add("ovarian", ov_df, list(list(name = "rx", type = "categorical"), list(name = "age", type = "numeric")))

# veteran: trt (1, 2) + celltype (4 levels, reference adeno by ordinal order) + karno.
vet_df <- data.frame(time = veteran$time, status = veteran$status, trt = as.character(veteran$trt),
                     celltype = as.character(veteran$celltype), karno = veteran$karno)
add("veteran", vet_df, list(list(name = "trt", type = "categorical"), list(name = "celltype", type = "categorical"),
                            list(name = "karno", type = "numeric")))

# Synthetic: heavy ties (integer times 1..12), two strata, integer case weights 0..4, a 3-level factor.
set.seed(20240611)
n <- 150
syn <- data.frame(
  grp = sample(c("a", "b", "c"), n, replace = TRUE),
  z = round(rnorm(n), 3),
  trt = rbinom(n, 1, 0.5)
)
lp <- 0.6 * syn$trt - 0.4 * syn$z + ifelse(syn$grp == "b", 0.5, ifelse(syn$grp == "c", -0.3, 0))
syn$time <- pmin(12, ceiling(rexp(n, 0.15 * exp(lp))))
syn$status <- as.integer(runif(n) < 0.75 & syn$time < 12)
syn_strata <- rbinom(n, 1, 0.4)
syn_w <- sample(0:4, n, replace = TRUE, prob = c(0.05, 0.45, 0.25, 0.15, 0.1))
syn_covs <- list(list(name = "trt", type = "numeric"), list(name = "z", type = "numeric"), list(name = "grp", type = "categorical"))
add("synthetic_ties", syn, syn_covs)
add("synthetic_ties_strata_weights", syn, syn_covs, strata = syn_strata, weights = syn_w)

write_fixture(list(cases = cases), "cox", fixture_dir())
