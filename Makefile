# The two commands of README.md, and the speed report. Each installs what it needs first
# (.ci/bootstrap).
.PHONY: dev test speed
dev:
	.ci/dev
test:
	.ci/test
speed:
	.ci/speed
