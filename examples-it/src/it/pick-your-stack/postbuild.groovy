// Stops the sandbox prebuild.groovy started for the three modules' tests, and forgets it: its URL
// file (a module built alone later starts its own) and its pid (a later build in the same JVM, as
// with mvnd, must not stop whatever process has that number then).
import java.util.concurrent.TimeUnit

new File(basedir, 'target/sandbox-url').delete()
def pid = System.getProperty('pick-your-stack.sandbox.pid')
System.clearProperty('pick-your-stack.sandbox.pid')
if (pid != null) {
  ProcessHandle.of(Long.parseLong(pid)).ifPresent { handle ->
    handle.destroy()
    try {
      handle.onExit().get(30, TimeUnit.SECONDS)
    } catch (Exception e) {
      handle.destroyForcibly()
    }
  }
}
return true
