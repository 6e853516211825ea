# Arbiter build entry points. Every target runs Maven on a JDK >= 21 found by scripts/find-jdk.sh
# (JAVA_HOME if it qualifies, else the newest JDK under /usr/lib/jvm); the default java here is 17.
JAVA_HOME := $(shell scripts/find-jdk.sh)
ifeq ($(JAVA_HOME),)
$(error no JDK >= 21 found; see the message above)
endif
export JAVA_HOME
MVN := ./mvnw -B -ntp

.PHONY: build run test bench format clean

## build: compile and package every module, skipping tests.
build:
	$(MVN) -DskipTests package

## run: build what is needed and start the server on :8080 (embedded H2 in ./data); see README "Running".
run:
	./arbiter serve

## test: every test — format check, unit tests, integration tests.
test:
	$(MVN) verify

## bench: build the JMH jar and run the benchmarks (BENCH=<regex> selects, JMH_ARGS adds options).
bench:
	$(MVN) -DskipTests -pl arbiter-bench -am package
	$(JAVA_HOME)/bin/java -jar arbiter-bench/target/benchmarks.jar $(BENCH) $(JMH_ARGS)

## format: apply palantir-java-format to every module.
format:
	$(MVN) spotless:apply

clean:
	$(MVN) clean
