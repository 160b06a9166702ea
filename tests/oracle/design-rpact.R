# Oracle for OncoTrial.Statistics.Design.TwoArmSurvivalDesign and GroupSequentialDesign
# (tests/oracle/fixtures/design-rpact.json). Needs rpact (Debian r-cran-rpact). Run from the repository root:
#   Rscript --vanilla tests/oracle/design-rpact.R [outdir]
#
# Conventions recorded here, mirrored in docs/methods/design-two-arm.md:
# * fixed designs: getSampleSizeSurvival(lambda2 or median2, hazardRatio or median1, alpha, beta, sided,
#   accrualTime = c(0, A), followUpTime = F, dropoutRate1 = dropoutRate2 = rate, dropoutTime,
#   allocationRatioPlanned = k, typeOfComputation). eventsFixed and nFixed are not rounded by rpact.
#   Dropout is exponential with hazard -log(1 - rate)/dropoutTime; sided = 2 uses qnorm(1 - alpha/2).
# * group-sequential designs: getDesignGroupSequential(kMax, alpha, beta, sided = 1, typeOfDesign,
#   informationRates) for criticalValues and alphaSpent (rpact reports the last alphaSpent as alpha - 1e-8
#   and intermediate ones from its numerical integration, so they agree with the spending function only to
#   about 1e-8 relative); getDesignCharacteristics for inflationFactor, shift (= drift^2) and
#   rejectionProbabilities under H1; getSampleSizeSurvival(design, ...) for maxNumberOfEvents,
#   eventsPerStage, expectedEventsH0/H1 and maxNumberOfSubjects.
# * non-binding futility: futilityBounds = f (z scale), bindingFutility = FALSE; without them rpact's default
#   futility bound is -6 (in effect none). futility_bounds is null in the fixture when none was given.
source("tests/oracle/lib/json.R")
suppressPackageStartupMessages(library(rpact))

fixed_cases <- list(
  list(name = "hr0.7-1to1-onesided", lambda2 = log(2) / 12, hr = 0.7, alpha = 0.025, sided = 1, beta = 0.2,
       accrual = 24, followup = 12, dropout = 0.05, dropout_time = 12, k = 1),
  list(name = "medians6-9-2to1-twosided", median2 = 6, median1 = 9, alpha = 0.05, sided = 2, beta = 0.1,
       accrual = 18, followup = 6, dropout = 0.1, dropout_time = 12, k = 2),
  list(name = "hr0.6-1to2-nodropout", lambda2 = 0.05, hr = 0.6, alpha = 0.025, sided = 1, beta = 0.1,
       accrual = 12, followup = 24, dropout = 0, dropout_time = 12, k = 0.5),
  list(name = "hr1.4-harm-dropout-at-6", lambda2 = 0.1, hr = 1.4, alpha = 0.025, sided = 1, beta = 0.2,
       accrual = 30, followup = 0, dropout = 0.2, dropout_time = 6, k = 1)
)

run_fixed <- function(cs, method) {
  args <- list(alpha = cs$alpha, beta = cs$beta, sided = cs$sided, accrualTime = c(0, cs$accrual),
               followUpTime = cs$followup, dropoutRate1 = cs$dropout, dropoutRate2 = cs$dropout,
               dropoutTime = cs$dropout_time, allocationRatioPlanned = cs$k, typeOfComputation = method)
  if (!is.null(cs$median2)) {
    args$median2 <- cs$median2
    args$median1 <- cs$median1
  } else {
    args$lambda2 <- cs$lambda2
    args$hazardRatio <- cs$hr
  }
  x <- do.call(getSampleSizeSurvival, args)
  c(cs, list(method = method, events = x$eventsFixed, patients = x$nFixed, patients1 = x$nFixed1,
             patients2 = x$nFixed2))
}

fixed <- list()
for (cs in fixed_cases) for (m in c("Schoenfeld", "Freedman")) fixed[[length(fixed) + 1]] <- run_fixed(cs, m)

gs_cases <- list(
  list(type = "asOF", rates = c(1 / 3, 2 / 3, 1)),
  list(type = "asP", rates = c(1 / 3, 2 / 3, 1)),
  list(type = "asOF", rates = c(0.25, 0.5, 0.8, 1)),
  list(type = "asP", rates = c(0.5, 1)),
  list(type = "asOF", rates = c(1 / 3, 2 / 3, 1), futility = c(0, 0.5)),
  list(type = "asP", rates = c(0.3, 0.6, 1), futility = c(-0.5, 0))
)
survival <- fixed_cases[[1]]
sequential <- list()
for (g in gs_cases) {
  args <- list(kMax = length(g$rates), alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = g$type,
               informationRates = g$rates)
  if (!is.null(g$futility)) {
    args$futilityBounds <- g$futility
    args$bindingFutility <- FALSE
  }
  d <- do.call(getDesignGroupSequential, args)
  ch <- getDesignCharacteristics(d)
  y <- getSampleSizeSurvival(d, lambda2 = survival$lambda2, hazardRatio = survival$hr,
                             accrualTime = c(0, survival$accrual), followUpTime = survival$followup,
                             dropoutRate1 = survival$dropout, dropoutRate2 = survival$dropout,
                             dropoutTime = survival$dropout_time, allocationRatioPlanned = survival$k)
  sequential[[length(sequential) + 1]] <- list(
    type = g$type, alpha = 0.025, beta = 0.2, information_rates = I(g$rates),
    critical_values = I(d$criticalValues), alpha_spent = I(d$alphaSpent),
    inflation_factor = ch$inflationFactor, shift = ch$shift,
    rejection_probabilities_h1 = I(as.numeric(ch$rejectionProbabilities)),
    futility_bounds = if (is.null(g$futility)) NULL else I(g$futility),
    futility_probabilities_h1 = if (is.null(g$futility)) NULL else I(as.numeric(ch$futilityProbabilities)),
    survival_case = survival$name,
    max_events = y$maxNumberOfEvents, events_per_stage = I(as.numeric(y$eventsPerStage)),
    expected_events_h0 = y$expectedEventsH0, expected_events_h1 = y$expectedEventsH1,
    max_patients = y$maxNumberOfSubjects)
}

write_fixture(list(rpact_version = as.character(utils::packageVersion("rpact")), fixed = fixed,
                   sequential = sequential), "design-rpact", fixture_dir())
