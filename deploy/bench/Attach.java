import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM with its options as given: run.sh starts and stops async-profiler with
 * it. (jcmd's JVMTI.agent_load parses "name=value" out of the options, so async-profiler's are lost that way.)
 * Usage: java Attach.java PID LIBRARY OPTIONS
 */
public class Attach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
