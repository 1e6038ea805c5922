// Stops the sandbox prebuild.groovy started for the three modules' tests.
import java.util.concurrent.TimeUnit

def pid = System.getProperty('pick-your-stack.sandbox.pid')
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
