# The two commands of README.md. Each installs what it needs first (.ci/bootstrap).
.PHONY: dev test
dev:
	.ci/dev
test:
	.ci/test
