"""Learning rate schedules: the rate as a function of the step."""
