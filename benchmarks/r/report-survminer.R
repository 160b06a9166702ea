# R's side of benchmarks/report.sh: survminer ggsurvplot with a risk table for PFS and OS, saved as PNG, from the
# ADTTE that `oncotrial derive --format csv` writes (AVAL in days, CNSR 0 = event, other codes censoring reasons). What a statistician would run
# to draw the paper's Figure 2 with the R stack; OncoTrial's report draws the same two figures (and everything else).
#   Rscript --vanilla benchmarks/r/report-survminer.R ADTTE.csv OUT_DIR
# Prints one line: "plots SECONDS" (the two figures after the packages are loaded; the whole process is timed outside).
suppressPackageStartupMessages({
  library(survival)
  library(survminer)
})
args <- commandArgs(trailingOnly = TRUE)
adtte <- read.csv(args[1], stringsAsFactors = FALSE)
out <- args[2]
dir.create(out, recursive = TRUE, showWarnings = FALSE)
start <- proc.time()[["elapsed"]]
for (param in c("PFS", "OS")) {
  d <- adtte[adtte$PARAMCD == param, ]
  d$months <- d$AVAL / 30.4375
  d$event <- as.integer(d$CNSR == 0)  # CNSR 0 = event; any other code is a censoring reason
  fit <- survfit(Surv(months, event) ~ 1, data = d, conf.type = "log-log")
  plot <- ggsurvplot(fit, data = d, risk.table = TRUE, conf.int = TRUE, censor = TRUE, surv.median.line = "hv",
    xlab = "Months", ylab = paste(param, "probability"), legend = "none", title = param)
  png(file.path(out, paste0("km-", tolower(param), ".png")), width = 2400, height = 1800, res = 300)
  print(plot, newpage = FALSE)
  invisible(dev.off())
}
cat(sprintf("plots %.3f\n", proc.time()[["elapsed"]] - start))
