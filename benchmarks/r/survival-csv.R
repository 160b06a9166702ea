# The R side of the whole-process CSV benchmark, for benchmarks/run.sh: read.csv, then the three analyses the
# `oncotrial survival` command also runs (Kaplan-Meier by group with log-log limits, log-rank, Cox on the group).
# Usage: Rscript --vanilla benchmarks/r/survival-csv.R FILE   (prints n, log-rank chi-square and the Cox coefficient)
suppressPackageStartupMessages(library(survival))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1])
f <- survfit(Surv(time, status) ~ group, data = d, conf.type = "log-log")
s <- survdiff(Surv(time, status) ~ group, data = d)
m <- coxph(Surv(time, status) ~ group, data = d)
cat(nrow(d), format(s$chisq, digits = 17), format(unname(coef(m)), digits = 17), "\n")
