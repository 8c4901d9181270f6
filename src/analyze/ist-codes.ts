// Our rule ids → the `istioctl analyze` message codes (IST0xxx) that report the same condition, so that a
// `galley.istio.io/analyze-suppress` annotation written for istioctl also suppresses our equivalent finding.
// Codes and their meaning: istio/istio pkg/config/analysis/msg/messages.yaml
// (https://istio.io/latest/docs/reference/config/analysis/). A rule is listed only when an IST message reports
// the same condition on the same resource. None of today's rules does: `parse` (a file that is not readable
// YAML) has no IST code — istioctl fails to read such a file instead of reporting a message — and the
// suppression rules are our own. Candidates once such rules exist: IST0135 DeprecatedAnnotation,
// IST0136 AlphaAnnotation, IST0108 UnknownAnnotation, IST0156 UnsupportedGatewayAPIVersion.
export const IST_CODES: Readonly<Record<string, readonly string[]>> = {}
