package io.gatehouse.server.awsprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every output shape of every model encodes: JSON keeps every member, query XML is well-formed and complete. */
class OutputEncodingTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T = Instant.parse("2026-11-23T15:04:06.5Z");

  @Test
  void everyOutputShapeEncodes() throws Exception {
    int encoded = 0;
    for (ServiceModel service : ServiceModels.standard().all()) {
      for (OperationModel op : service.operations().values()) {
        if (op.output() == null) continue;
        JsonNode sample = sample(op.output(), new HashSet<>());
        JsonNode tree = OutputTree.of(sample, op.output());
        String what = service.name() + " " + op.name();
        if (service.protocol() == Protocol.QUERY) {
          byte[] xml = QueryXml.response(op.name(), op.resultWrapper(), op.output(), tree, service.xmlNamespace(), "req-1");
          Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
          Element root = doc.getDocumentElement();
          assertThat(root.getTagName()).as(what).isEqualTo(op.name() + "Response");
          Element result = (Element) root.getElementsByTagName(op.resultWrapper()).item(0);
          for (Member m : op.output().members.values()) {
            assertThat(result.getElementsByTagName(m.wireName()).getLength()).as(what + " " + m.name()).isPositive();
          }
        } else {
          String json = new String(JSON.writeValueAsBytes(tree));
          JsonNode back = JSON.readTree(json);
          for (Member m : op.output().members.values()) assertThat(back.has(m.name())).as(what + " " + m.name()).isTrue();
        }
        encoded++;
      }
    }
    assertThat(encoded).isEqualTo(254 + 5 + 4); // + gatehouse (assignment rules, sign-in administration)
  }

  @Test
  void timestampsAreEpochSecondsInJsonAndIsoInXml() throws Exception {
    ServiceModel iam = ServiceModels.standard().service("iam");
    OperationModel getUser = iam.operation("GetUser");
    JsonNode tree = OutputTree.of(java.util.Map.of("User", java.util.Map.of("CreateDate", T, "UserName", "u")), getUser.output());
    assertThat(tree.at("/User/CreateDate").decimalValue()).isEqualByComparingTo("1795446246.5");
    String xml = new String(QueryXml.response("GetUser", "GetUserResult", getUser.output(), tree, iam.xmlNamespace(), "r"));
    assertThat(xml).contains("<CreateDate>2026-11-23T15:04:06.500Z</CreateDate>");
  }

  /** A value for every member (recursion cut where a shape refers back to itself). */
  static JsonNode sample(Shape shape, Set<String> path) {
    return switch (shape.type) {
      case STRUCTURE -> {
        ObjectNode o = JSON.createObjectNode();
        if (!path.add(shape.name)) yield o;
        for (Member m : shape.members.values()) o.set(m.name(), sample(m.shape(), path));
        path.remove(shape.name);
        yield o;
      }
      case LIST -> {
        ArrayNode a = JSON.createArrayNode();
        a.add(sample(shape.listMember.shape(), path));
        yield a;
      }
      case MAP -> {
        ObjectNode o = JSON.createObjectNode();
        o.set("k<&>", sample(shape.mapValue.shape(), path));
        yield o;
      }
      case STRING -> JSON.getNodeFactory().textNode(shape.enumValues != null ? shape.enumValues.get(0) : "s<&>\"'\r\n\u0001");
      case INTEGER, LONG -> JSON.getNodeFactory().numberNode(7);
      case FLOAT, DOUBLE -> JSON.getNodeFactory().numberNode(1.5);
      case BOOLEAN -> JSON.getNodeFactory().booleanNode(true);
      case TIMESTAMP -> JSON.getNodeFactory().numberNode(T.getEpochSecond());
      case BLOB -> JSON.getNodeFactory().textNode("AAEC");
      case DOCUMENT -> JSON.createObjectNode().put("any", 1);
    };
  }
}
