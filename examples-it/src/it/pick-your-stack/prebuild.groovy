// Writes the root README's "Pick your stack" example and its test into each module, one per stack,
// then starts one sandbox for the three modules' tests (Sandbox.java finds it through
// target/sandbox-url): a sandbox start costs some 6 CPU seconds, and each test makes its own app.
// postbuild.groovy stops it; a shutdown hook stops it if the build fails before that.
import java.util.concurrent.TimeUnit

def project = basedir
['retrofit', 'feign', 'restclient'].each { name ->
  stack = name
  basedir = new File(project, "readme-${name}")
  evaluate(new File(shared, 'generate.groovy'))
}
basedir = project

def urlFile = new File(project, 'target/sandbox-url')
urlFile.delete() // a previous build's: its sandbox is gone
def dir = new File(project, 'target/sandbox')
dir.mkdirs()
def log = new File(dir, 'sandbox.log')
def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = new ProcessBuilder(java, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
        '-Dspring.aot.enabled=true', '-jar', sandboxJar, '--port=0',
        "--data-dir=${new File(dir, 'data')}", '--admin-key=examples-admin-key')
    .redirectErrorStream(true)
    .redirectOutput(log)
    .start()
Runtime.runtime.addShutdownHook(new Thread({ process.destroyForcibly() }))
System.setProperty('pick-your-stack.sandbox.pid', String.valueOf(process.pid()))
def deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2)
def url = null
while (url == null && process.alive && System.nanoTime() < deadline) {
  def found = (log.getText('UTF-8') =~ /URL:\s+(http:\/\/\S+?)\/?\s/)
  if (found.find()) {
    url = found.group(1)
  } else {
    Thread.sleep(100)
  }
}
if (url == null) {
  process.destroyForcibly()
  throw new IllegalStateException("the sandbox did not start:\n" + log.getText('UTF-8'))
}
urlFile.setText(url, 'UTF-8')
return true
