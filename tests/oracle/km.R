# Oracle fixture for Kaplan-Meier: curves, Greenwood SE, pointwise limits under every transform, quantiles with
# their intervals (quantile.survfit and print.survfit rules), landmarks (extend = TRUE) and reverse-KM
# follow-up, computed by R survival. Run from the repository root: Rscript tests/oracle/km.R [outdir].
suppressPackageStartupMessages(library(survival))
source("tests/oracle/lib/json.R")

transforms <- c("log-log", "log", "plain", "arcsin", "logit")

curve_of <- function(fit) {
  s <- summary(fit, censored = TRUE)
  list(time = I(s$time), n_risk = I(s$n.risk), n_event = I(s$n.event), n_censor = I(s$n.censor),
       survival = I(s$surv), std_err = I(s$std.err), lower = I(s$lower), upper = I(s$upper))
}

quantiles_of <- function(fit) {
  q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
  list(p = I(c(0.25, 0.5, 0.75)), estimate = I(unname(q$quantile)), lower = I(unname(q$lower)), upper = I(unname(q$upper)))
}

print_median_of <- function(fit) {
  tab <- summary(fit)$table
  list(median = unname(tab["median"]), lower = unname(tab[grep("LCL", names(tab))]), upper = unname(tab[grep("UCL", names(tab))]))
}

landmarks_of <- function(fit, times) {
  s <- summary(fit, times = times, extend = TRUE)
  list(time = I(s$time), n_risk = I(s$n.risk), survival = I(s$surv), std_err = I(s$std.err), lower = I(s$lower), upper = I(s$upper))
}

one_case <- function(name, time, status, landmark_times, levels = c(0.95, 0.90)) {
  fits <- list()
  for (lev in levels) {
    for (ct in transforms) {
      fit <- survfit(Surv(time, status) ~ 1, conf.type = ct, conf.int = lev)
      fits[[length(fits) + 1]] <- list(
        conf_type = ct, conf_level = lev,
        curve = curve_of(fit),
        quantiles = quantiles_of(fit),
        print_median = print_median_of(fit),
        landmarks = landmarks_of(fit, landmark_times))
    }
  }
  rev <- survfit(Surv(time, 1 - status) ~ 1, conf.type = "log-log")
  list(name = name, time = I(time), status = I(status), landmark_times = I(landmark_times),
       fits = fits,
       reverse = list(conf_type = "log-log", quantiles = quantiles_of(rev), curve = curve_of(rev)))
}

cases <- list()
add <- function(x) cases[[length(cases) + 1]] <<- x

# R's aml (Miller 1981), all 23 and by arm.
add(one_case("aml", aml$time, aml$status, c(12, 24, 48, 200)))
for (g in levels(aml$x)) {
  d <- aml[aml$x == g, ]
  add(one_case(paste0("aml:", g), d$time, d$status, c(12, 24, 48, 200)))
}

# lung: status 1 = censored, 2 = dead.
add(one_case("lung", lung$time, lung$status - 1, c(180, 365, 730, 1100)))
for (g in sort(unique(lung$sex))) {
  d <- lung[lung$sex == g, ]
  add(one_case(paste0("lung:sex=", g), d$time, d$status - 1, c(180, 365, 730, 1100)))
}

add(one_case("ovarian", ovarian$futime, ovarian$fustat, c(365, 730, 1300)))
add(one_case("veteran", veteran$time, veteran$status, c(30, 90, 180, 365, 1000)))
for (g in sort(unique(veteran$trt))) {
  d <- veteran[veteran$trt == g, ]
  add(one_case(paste0("veteran:trt=", g), d$time, d$status, c(30, 90, 180, 365, 1000)))
}

# Seeded synthetic data with heavy ties: integer times 1..15, events and censorings at the same times.
set.seed(20261125)
n <- 120
t_syn <- sample(1:15, n, replace = TRUE)
s_syn <- rbinom(n, 1, 0.6)
add(one_case("synthetic-heavy-ties", t_syn, s_syn, c(0.5, 5, 10, 15, 16)))

# Continuous times (rounded to 3 decimals so that R's timefix merges nothing).
set.seed(7)
t_cont <- round(rexp(200, 1 / 10), 3)
s_cont <- rbinom(200, 1, 0.7)
add(one_case("synthetic-continuous", t_cont, s_cont, c(1, 5, 10, 20, 100)))

# All censored: the curve stays at 1, no quantile is estimable.
add(one_case("all-censored", c(3, 5, 5, 8, 12), c(0, 0, 0, 0, 0), c(4, 12, 20)))

# All events, ending at 0.
add(one_case("all-events", c(2, 4, 4, 6, 9), c(1, 1, 1, 1, 1), c(1, 4, 9, 10)))

# n = 1.
add(one_case("single-event", c(7), c(1), c(5, 7, 8)))
add(one_case("single-censored", c(7), c(0), c(5, 7, 8)))

# Censored before the first event (S = 1 rows), and a censoring tied with an event.
add(one_case("censor-first-and-tied", c(1, 2, 3, 3, 3, 5, 6, 8, 8, 10), c(0, 0, 1, 0, 1, 1, 0, 1, 0, 0), c(2, 3, 7, 10, 11)))

# Flat at exactly 0.5 (CAMIS edge data): last observation censored, and last an event.
add(one_case("flat-half-last-censored", c(54, 75, 77, 84, 87, 92, 103, 105, 112, 118), c(1, 1, 1, 1, 1, 0, 0, 0, 0, 0), c(60, 100, 118, 150)))
add(one_case("flat-half-last-event", c(54, 75, 77, 84, 87, 92, 103, 105, 112, 118), c(1, 1, 1, 1, 1, 0, 0, 0, 0, 1), c(60, 100, 118, 150)))

# Flat at exactly 0.5 with a later event (midpoint rule applies in every tool).
add(one_case("flat-half-then-event", c(1, 2, 3, 4, 5, 6, 7, 8), c(1, 1, 0, 1, 0, 0, 1, 0), c(3, 6, 9)))

write_fixture(list(cases = cases), "km", fixture_dir())
