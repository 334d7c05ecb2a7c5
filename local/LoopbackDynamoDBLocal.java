import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

// DynamoDB Local with its Jetty connector bound to 127.0.0.1 instead of every
// interface: it accepts any credentials, so on a LAN anyone could otherwise read and
// change every record. DynamoDB Local has no bind option; its own ServerRunner builds
// the server from the usual command line, and the connector's host is set before it
// starts. Run as a single source file (`java LoopbackDynamoDBLocal.java ...`, which
// needs no JDK), it then leaves its compiled class in the directory named by the
// system property loopback.classCache, so later starts skip the compilation.
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
    for (Connector c : connectors) ((ServerConnector) c).setHost("127.0.0.1");
    proxy.start();
    System.out.println("DynamoDB Local listening on 127.0.0.1 only");
    cacheOwnClass(System.getProperty("loopback.classCache"));
  }

  /** Best effort: written whole (temp file, then rename) or not at all. */
  private static void cacheOwnClass(String dir) {
    if (dir == null || dir.isEmpty()) return;
    try (InputStream in = LoopbackDynamoDBLocal.class.getClassLoader().getResourceAsStream("LoopbackDynamoDBLocal.class")) {
      if (in == null) return; // already loaded from the cache
      Path target = Path.of(dir, "LoopbackDynamoDBLocal.class");
      if (Files.exists(target)) return;
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "LoopbackDynamoDBLocal", ".tmp");
      Files.write(tmp, in.readAllBytes());
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (Exception e) {
      System.out.println("class cache not written: " + e);
    }
  }
}
