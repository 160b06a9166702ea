# rpact's C++ simulation of the two-arm three-stage survival design: HR 0.7, control median 12, uniform accrual over
# 24 months, follow-up 12 (to size the design), one-sided alpha 0.025, power 0.8, Lan-DeMets O'Brien-Fleming spending
# at event fractions 1/3, 2/3, 1; planned events = ceiling(eventsPerStage) of getSampleSizeSurvival; 600 patients.
#   Rscript --vanilla benchmarks/r/simulate-two-arm.R TRIALS SEED [under: h1|h0]
# Prints one tab-separated line: trials, seconds, trials per second, power, MC SE, planned events (comma-separated),
# expected events, expected patients, expected duration.
suppressPackageStartupMessages(library(rpact))
args <- commandArgs(trailingOnly = TRUE)
trials <- as.integer(args[1]); seed <- as.integer(args[2])
under <- if (length(args) >= 3) args[3] else "h1"
design <- getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF",
                                   informationRates = c(1, 2, 3) / 3)
lambda2 <- log(2) / 12
ss <- getSampleSizeSurvival(design, lambda2 = lambda2, hazardRatio = 0.7, accrualTime = c(0, 24), followUpTime = 12)
planned <- ceiling(ss$eventsPerStage[, 1] - 1e-9)
hr <- if (under == "h0") 1 else 0.7
t0 <- proc.time()[["elapsed"]]
sim <- getSimulationSurvival(design, lambda2 = lambda2, hazardRatio = hr, directionUpper = FALSE,
                             accrualTime = c(0, 24), maxNumberOfSubjects = 600, plannedEvents = planned,
                             maxNumberOfIterations = trials, seed = seed)
s <- proc.time()[["elapsed"]] - t0
p <- sim$overallReject
cat(sprintf("%d\t%.3f\t%.1f\t%.4f\t%.4f\t%s\t%.1f\t%.1f\t%.2f\n", trials, s, trials / s, p, sqrt(p * (1 - p) / trials),
            paste(planned, collapse = ","), sim$expectedNumberOfEvents, sim$expectedNumberOfSubjects,
            sim$studyDuration))
