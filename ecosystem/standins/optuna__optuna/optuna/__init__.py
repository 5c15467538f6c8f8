"""The names of optuna the revisions import (optuna.distributions, optuna.study.StudyDirection,
optuna.trial.TrialState); the real package imports numpy, packaging, colorlog, tqdm and its samplers."""
