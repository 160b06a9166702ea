# R side of the OncoTrial benchmark: reads the data set written by gen.R, times survival's survfit, survdiff,
# coxph (end to end) and coxph.fit (the fitting kernel), and the n = 500 small case, and writes the key numbers
# and timings as "key<TAB>value" lines to OUT for the comparison with OncoTrial.
# Usage: Rscript --vanilla benchmarks/r/bench.R DIR OUT REPS SMALL_CALLS WORKLOADS
#   WORKLOADS: comma-separated from km_day, km_cont, logrank_day, logrank_cont, cox, coxfit, small.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
out <- args[2]
reps <- as.integer(args[3])
small_calls <- as.integer(args[4])
workloads <- strsplit(args[5], ",", fixed = TRUE)[[1]]

n <- as.numeric(readLines(file.path(dir, "n.txt")))
get <- function(name, what, size) {
  con <- file(file.path(dir, name), "rb")
  on.exit(close(con))
  readBin(con, what, n = n, size = size, endian = "little")
}
d <- data.frame(
  tday = get("tday.f64", "double", 8), tcont = get("tcont.f64", "double", 8),
  status = get("status.i32", "integer", 4), group = get("group.i32", "integer", 4),
  x2 = get("x2.f64", "double", 8), x3 = get("x3.f64", "double", 8))

res <- character(0)
put <- function(key, value) res <<- c(res, sprintf("%s\t%.17g", key, value))

# Kaplan-Meier: both tools compute log-log pointwise limits at every time (OncoTrial's default, asked of R).
# Median elapsed seconds of `reps` runs of f(), after a garbage collection before each run.
timed <- function(key, f) {
  s <- numeric(reps)
  for (r in seq_len(reps)) {
    invisible(gc(verbose = FALSE))
    s[r] <- system.time(v <- f())[["elapsed"]]
  }
  put(paste0(key, ".seconds"), median(s))
  v
}

landmarks <- c(30, 90, 180, 365, 730)

km_numbers <- function(key, fit) {
  sm <- summary(fit, times = landmarks, extend = TRUE)
  tab <- summary(fit)$table
  for (g in 0:1) {
    rows <- which(sm$strata == paste0("group=", g))
    for (k in seq_along(landmarks)) put(sprintf("%s.g%d.surv%g", key, g, landmarks[k]), sm$surv[rows[k]])
    put(sprintf("%s.g%d.median", key, g), tab[g + 1, "median"])
    put(sprintf("%s.g%d.events", key, g), tab[g + 1, "events"])
    put(sprintf("%s.g%d.distinct", key, g), fit$strata[g + 1])
  }
}

if ("km_day" %in% workloads) {
  fit <- timed("km_day", function() survfit(Surv(tday, status) ~ group, data = d, conf.type = "log-log"))
  km_numbers("km_day", fit)
}
if ("km_cont" %in% workloads) {
  fit <- timed("km_cont", function() survfit(Surv(tcont, status) ~ group, data = d, conf.type = "log-log"))
  km_numbers("km_cont", fit)
}
if ("logrank_day" %in% workloads) {
  sd <- timed("logrank_day", function() survdiff(Surv(tday, status) ~ group, data = d))
  put("logrank_day.chisq", sd$chisq)
  put("logrank_day.expected0", sd$exp[1])
}
if ("logrank_cont" %in% workloads) {
  sd <- timed("logrank_cont", function() survdiff(Surv(tcont, status) ~ group, data = d))
  put("logrank_cont.chisq", sd$chisq)
  put("logrank_cont.expected0", sd$exp[1])
}
cox_numbers <- function(key, coef, loglik, iter) {
  for (j in 1:3) put(sprintf("%s.coef%d", key, j), coef[j])
  put(paste0(key, ".loglik"), loglik)
  put(paste0(key, ".iter"), iter)
}
if ("cox" %in% workloads) {
  fit <- timed("cox", function() coxph(Surv(tday, status) ~ group + x2 + x3, data = d, ties = "efron"))
  cox_numbers("cox", coef(fit), fit$loglik[2], fit$iter)
}
if ("coxfit" %in% workloads) {
  # The fitting kernel alone on prepared arrays: sort, centre, Newton-Raphson (no formula, model frame or residuals).
  x <- cbind(group = as.double(d$group), x2 = d$x2, x3 = d$x3)
  y <- Surv(d$tday, d$status)
  fit <- timed("coxfit", function() coxph.fit(x, y, strata = NULL, offset = NULL, init = NULL,
                                               control = coxph.control(), weights = NULL, method = "efron",
                                               rownames = NULL, resid = FALSE))
  cox_numbers("coxfit", fit$coefficients, fit$loglik[2], fit$iter)
}
if ("small" %in% workloads) {
  # The case a bootstrap or simulation repeats: 500 rows (the first 500), KM by group + log-rank + Cox per call.
  s <- d[1:500, ]
  one <- function() {
    km <- survfit(Surv(tday, status) ~ group, data = s, conf.type = "log-log")
    lr <- survdiff(Surv(tday, status) ~ group, data = s)
    cx <- coxph(Surv(tday, status) ~ group + x2 + x3, data = s)
    list(km = km, lr = lr, cx = cx)
  }
  v <- one()
  sec <- numeric(reps)
  for (r in seq_len(reps)) sec[r] <- system.time(for (i in seq_len(small_calls)) one())[["elapsed"]] / small_calls
  put("small.seconds", median(sec))
  km_numbers("small.km", v$km)
  put("small.logrank.chisq", v$lr$chisq)
  cox_numbers("small.cox", coef(v$cx), v$cx$loglik[2], v$cx$iter)
}
res <- c(sprintf("r.version\t%s", R.version.string), sprintf("survival.version\t%s", packageVersion("survival")), res)
writeLines(res, out)
