package io.gatehouse.server.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user of an identity store; the components are the model's {@code User} shape (also the
 * DescribeUser output), so the protocol layer encodes it as it is.
 */
public record User(
    String identityStoreId,
    String userId,
    String userName,
    List<ExternalId> externalIds,
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
    String userStatus,
    List<Photo> photos,
    String website,
    String birthdate,
    List<Role> roles,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy,
    Map<String, JsonNode> extensions) {

  /** Who and when: the parts of a user that are not its writable attributes. */
  public record Meta(
      String identityStoreId, String userId, List<ExternalId> externalIds, String userStatus, Instant createdAt,
      String createdBy, Instant updatedAt, String updatedBy) {}

  public static User of(Meta m, UserAttributes a) {
    return new User(m.identityStoreId(), m.userId(), a.userName(), m.externalIds(), a.name(), a.displayName(),
        a.nickName(), a.profileUrl(), a.emails(), a.addresses(), a.phoneNumbers(), a.userType(), a.title(),
        a.preferredLanguage(), a.locale(), a.timezone(), m.userStatus(), a.photos(), a.website(), a.birthdate(),
        a.roles(), m.createdAt(), m.createdBy(), m.updatedAt(), m.updatedBy(), a.extensions());
  }

  public Meta meta() {
    return new Meta(identityStoreId, userId, externalIds, userStatus, createdAt, createdBy, updatedAt, updatedBy);
  }

  public UserAttributes attributes() {
    return new UserAttributes(userName, name, displayName, nickName, profileUrl, emails, addresses, phoneNumbers,
        userType, title, preferredLanguage, locale, timezone, photos, website, birthdate, roles, extensions);
  }

  /** This user with only the named extensions (AWS returns extensions only when asked for them). */
  public User withExtensionsLimitedTo(List<String> names) {
    Map<String, JsonNode> kept = null;
    if (extensions != null && names != null && !names.isEmpty()) {
      var m = new java.util.LinkedHashMap<String, JsonNode>();
      for (String n : names) if (extensions.containsKey(n)) m.put(n, extensions.get(n));
      kept = m.isEmpty() ? null : m;
    }
    return User.of(meta(), new UserAttributes(userName, name, displayName, nickName, profileUrl, emails, addresses,
        phoneNumbers, userType, title, preferredLanguage, locale, timezone, photos, website, birthdate, roles, kept));
  }
}
