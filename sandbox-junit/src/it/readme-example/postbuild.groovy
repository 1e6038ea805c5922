// `mvn test` ran the README example: one test class, one test, passed (binding: basedir).
def reports = new File(basedir, 'target/surefire-reports').listFiles()
    .findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
if (reports.size() != 1) {
  throw new IllegalStateException("expected one test class report, found ${reports*.name}")
}
def xml = reports[0].getText('UTF-8')
def suite = (xml =~ /<testsuite\b[^>]*>/)
if (!suite.find()) {
  throw new IllegalStateException("no <testsuite> in ${reports[0].name}")
}
def counts = ['tests', 'failures', 'errors', 'skipped'].collectEntries { attribute ->
  def value = (suite.group() =~ /\b${attribute}="(\d+)"/)
  [attribute, value.find() ? value.group(1).toInteger() : -1]
}
if (counts != [tests: 1, failures: 0, errors: 0, skipped: 0]) {
  throw new IllegalStateException("expected 1 test run and passed, got ${counts} in ${reports[0].name}")
}
def log = new File(basedir, 'build.log').getText('UTF-8')
if (!log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')) {
  throw new IllegalStateException('build.log does not report 1 test run')
}
println "readme-example: ${reports[0].name} ran 1 test under plain mvn test"
return true
