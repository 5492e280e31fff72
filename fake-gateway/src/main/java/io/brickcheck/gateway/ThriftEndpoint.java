package io.brickcheck.gateway;

import com.databricks.internal.apache.thrift.TException;
import com.databricks.internal.apache.thrift.protocol.TBinaryProtocol;
import com.databricks.internal.apache.thrift.transport.TIOStreamTransport;
import com.databricks.jdbc.model.client.thrift.generated.TCLIService;
import com.databricks.jdbc.model.client.thrift.generated.THandleIdentifier;
import com.databricks.jdbc.model.client.thrift.generated.TOpenSessionReq;
import com.databricks.jdbc.model.client.thrift.generated.TOpenSessionResp;
import com.databricks.jdbc.model.client.thrift.generated.TProtocolVersion;
import com.databricks.jdbc.model.client.thrift.generated.TSessionHandle;
import com.databricks.jdbc.model.client.thrift.generated.TStatus;
import com.databricks.jdbc.model.client.thrift.generated.TStatusCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Thrift over HTTP with the driver's own generated {@code TCLIService}: sessions open and close;
 * every other call answers with an error status saying the fake does not run queries.
 */
final class ThriftEndpoint {
  private final SecureRandom random = new SecureRandom();
  private final TCLIService.Processor<TCLIService.Iface> processor =
      new TCLIService.Processor<>(
          (TCLIService.Iface)
              Proxy.newProxyInstance(
                  TCLIService.Iface.class.getClassLoader(),
                  new Class<?>[] {TCLIService.Iface.class},
                  (proxy, method, args) -> answer(method, args)));

  byte[] handle(byte[] request) throws TException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TIOStreamTransport transport = new TIOStreamTransport(new ByteArrayInputStream(request), out);
    TBinaryProtocol protocol = new TBinaryProtocol(transport);
    processor.process(protocol, protocol);
    return out.toByteArray();
  }

  private Object answer(Method method, Object[] args) throws ReflectiveOperationException {
    if (method.getDeclaringClass() == Object.class) {
      return method.getName().equals("toString") ? "ThriftEndpoint" : null;
    }
    if (method.getName().equals("OpenSession")) {
      TOpenSessionReq req = (TOpenSessionReq) args[0];
      return new TOpenSessionResp(new TStatus(TStatusCode.SUCCESS_STATUS), protocolOf(req))
          .setSessionHandle(new TSessionHandle(new THandleIdentifier(bytes(), bytes())))
          .setConfiguration(Map.of());
    }
    Object response = method.getReturnType().getConstructor().newInstance();
    TStatus status =
        method.getName().equals("CloseSession")
            ? new TStatus(TStatusCode.SUCCESS_STATUS)
            : new TStatus(TStatusCode.ERROR_STATUS)
                .setErrorMessage("The Brickcheck fake gateway opens sessions but runs no " + method.getName());
    method.getReturnType().getMethod("setStatus", TStatus.class).invoke(response, status);
    return response;
  }

  /** Newer drivers send the version as {@code client_protocol_i64}; answer with theirs. */
  private static TProtocolVersion protocolOf(TOpenSessionReq req) {
    TProtocolVersion asked =
        req.isSetClient_protocol_i64()
            ? TProtocolVersion.findByValue((int) req.getClient_protocol_i64())
            : req.getClient_protocol();
    return asked != null ? asked : TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8;
  }

  private ByteBuffer bytes() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return ByteBuffer.wrap(b);
  }
}
