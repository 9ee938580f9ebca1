package io.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The attributes of a user that clients write: what CreateUser takes and UpdateUser's attribute
 * paths address ({@code displayName}, {@code name.givenName}, {@code emails}, ...). Identifiers,
 * external ids, status and timestamps are not among them.
 */
public record UserAttributes(
    String userName,
    Name name,
    String displayName,
    String nickName,
    String profileUrl,
    List<Email> emails,
    List<Address> addresses,
    List<PhoneNumber> phoneNumbers,
    String userType,
    String title,
    String preferredLanguage,
    String locale,
    String timezone,
    List<Photo> photos,
    String website,
    String birthdate,
    List<Role> roles,
    Map<String, JsonNode> extensions) {

  /** The user's one email value (the model allows one), or null. */
  public String emailValue() {
    return emails == null || emails.isEmpty() ? null : emails.get(0).value();
  }
}
