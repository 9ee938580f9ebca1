package io.gatehouse.server.awsprotocol;

import java.util.List;

/**
 * An operation of a service model.
 *
 * @param name e.g. {@code CreateUser}
 * @param httpMethod from {@code http.method}
 * @param uri from {@code http.requestUri} (rest-json routing; {@code /} for the other protocols)
 * @param input the input structure, or null when the operation takes none
 * @param output the output structure, or null when it returns none
 * @param resultWrapper query protocol: the element wrapping the output ({@code CreateRoleResult}), or null
 * @param unsigned true for {@code authtype: none} operations, which are not SigV4-signed
 * @param errors the error shape names the operation declares
 */
record OperationModel(
    String name, String httpMethod, UriTemplate uri, Shape input, Shape output, String resultWrapper,
    boolean unsigned, List<String> errors) {}
