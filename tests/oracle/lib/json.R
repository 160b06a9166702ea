# Minimal, dependency-free JSON writer for the oracle fixtures (base R only, so CI needs no CRAN package).
# Numbers are written with 17 significant digits so that a re-run of the script gives identical bytes.
# Conventions: a named list is an object, an unnamed list an array; an atomic vector of length 1 is a
# scalar unless wrapped in I() (then it is always an array); NA, NaN and +-Inf are written as null.

json_escape <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  s <- gsub("\n", "\\\\n", s)
  paste0("\"", s, "\"")
}

json_atom <- function(v) {
  if (is.logical(v)) return(ifelse(is.na(v), "null", ifelse(v, "true", "false")))
  if (is.numeric(v)) {
    out <- sprintf("%.17g", v)
    out[!is.finite(v)] <- "null"
    return(out)
  }
  out <- json_escape(as.character(v))
  out[is.na(v)] <- "null"
  out
}

to_json <- function(x, indent = 0) {
  pad <- strrep(" ", indent)
  pad2 <- strrep(" ", indent + 1)
  if (is.null(x)) return("null")
  if (is.factor(x)) x <- as.character(x)
  if (is.data.frame(x)) {
    # a data frame becomes an object of column arrays
    x <- lapply(as.list(x), function(col) I(if (is.factor(col)) as.character(col) else col))
  }
  if (is.list(x)) {
    nms <- names(x)
    if (!is.null(nms) && length(x) > 0) {
      items <- vapply(seq_along(x), function(i) paste0(pad2, json_escape(nms[i]), ": ", to_json(x[[i]], indent + 1)), "")
      return(paste0("{\n", paste(items, collapse = ",\n"), "\n", pad, "}"))
    }
    if (length(x) == 0) return("[]")
    items <- vapply(x, function(e) paste0(pad2, to_json(e, indent + 1)), "")
    return(paste0("[\n", paste(items, collapse = ",\n"), "\n", pad, "]"))
  }
  as_array <- inherits(x, "AsIs") || length(x) != 1
  x <- unclass(x)
  if (!as_array) return(json_atom(x))
  if (length(x) == 0) return("[]")
  paste0("[", paste(json_atom(x), collapse = ", "), "]")
}

# Writes `x` to `<outdir>/<name>.json` with the R and survival versions recorded.
write_fixture <- function(x, name, outdir) {
  meta <- list(
    generated_by = paste0("tests/oracle/", name, ".R"),
    r_version = R.version.string,
    survival_version = as.character(utils::packageVersion("survival"))
  )
  body <- c(list(meta = meta), x)
  dir.create(outdir, showWarnings = FALSE, recursive = TRUE)
  writeLines(to_json(body), file.path(outdir, paste0(name, ".json")), useBytes = TRUE)
}

# The output folder: first command-line argument, default tests/oracle/fixtures.
fixture_dir <- function() {
  args <- commandArgs(trailingOnly = TRUE)
  if (length(args) >= 1) args[1] else "tests/oracle/fixtures"
}

# Exit status of a script that cannot run here because the shared real data (../shared/data, kept outside the
# repository) is absent; tests/oracle/run-all.sh reports it as skipped rather than failed.
ORACLE_SKIPPED_STATUS <- 3L

# The folder ../shared/data/<sub> beside the repository (a git worktree may sit deeper, so the nearest
# shared/data above the repository root is used; the C# tests look in the same places). When it is absent the
# script says so and exits with ORACLE_SKIPPED_STATUS.
shared_data_dir <- function(sub, script) {
  dir <- normalizePath(".")
  repeat {
    parent <- dirname(dir)
    candidate <- file.path(parent, "shared", "data", sub)
    if (dir.exists(candidate)) return(candidate)
    if (parent == dir) break
    dir <- parent
  }
  message(script, ": SKIPPED, ../shared/data/", sub, " is not beside the repository (real data kept outside it).")
  quit(save = "no", status = ORACLE_SKIPPED_STATUS)
}
