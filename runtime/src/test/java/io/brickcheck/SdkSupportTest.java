package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.iam.User;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.internal.rules.HostParser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SdkSupportTest {
  static final String PAT = "dapiSDKSECRET0001";
  FakeGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.builder().personalAccessToken(PAT).oauthClient("sp-client", "sp-SECRET").start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void detectsSetWorkspaceIdOnTheCurrentSdk() {
    assertThat(SdkSupport.isPresent()).isTrue();
    assertThat(SdkSupport.canSetWorkspaceId()).isTrue();
    assertThat(SdkSupport.version()).isEqualTo("0.141.0");
  }

  @Test
  void realSdkCarriesTheWorkspaceIdOnApiCalls() {
    DatabricksConfig config = SdkAuth.config(Credentials.token(PAT), HostParser.parse(gateway.baseUrl()).host(), gateway.workspaceId());

    User me = new WorkspaceClient(config).currentUser().me(new MeRequest());

    assertThat(me.getUserName()).isEqualTo("brickcheck-demo@example.com");
    assertThat(config.getWorkspaceId()).isEqualTo(gateway.workspaceId());
    List<RecordedRequest> rest = gateway.requests().stream().filter(r -> r.kind() == RecordedRequest.Kind.REST).toList();
    assertThat(rest).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/api/2.0/preview/scim/v2/Me");
      assertThat(r.workspaceIdHeader()).isEqualTo(gateway.workspaceId());
      assertThat(r.authScheme()).isEqualTo("Bearer");
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void printsNoSecret() {
    DatabricksConfig config = SdkAuth.config(Credentials.oauthM2M("sp-client", "sp-SECRET"), HostParser.parse(gateway.baseUrl()).host(), gateway.workspaceId());

    assertThat(config.toString()).doesNotContain("sp-SECRET");
  }
}
