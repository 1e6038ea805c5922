#!/bin/sh
# Release step of the spec: after the breaking-change gate passes, the current documents become
# the baselines that the next changes are compared with (spec/README.md, "Evolve the spec").
set -eu
cd "$(dirname "$0")"
# The gate is spec-changes' ApiChangesGateTest, on the spec jar built from these sources.
../mvnw -B -q -f ../pom.xml -pl spec-changes -am verify -Dtest=ApiChangesGateTest \
  -Dsurefire.failIfNoSpecifiedTests=false
mkdir -p baselines
rm -f baselines/*.yaml
cp src/main/resources/*.yaml baselines/
echo "Baselines are now:"
ls baselines
echo "Commit spec/baselines/ and spec/CHANGES.md together with the release."
