#include "rules/sec/sec006_lb_plain_http.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace halint {

const RuleInfo& Sec006LbPlainHttp::info() const {
  static const RuleInfo kInfo{
      .id = "SEC006",
      .slug = "lb-plain-http",
      .title = "Public ALB listeners redirect HTTP to HTTPS and carry a certificate",
      .severity = Severity::kWarning,
      .rationale =
          "An internet-facing load balancer that serves plain HTTP sends cookies, tokens and "
          "form data in clear text across every network between the user and AWS, where they "
          "can be read or altered. An HTTPS listener without a certificate cannot terminate "
          "TLS at all.",
      .remediation =
          "Serve the application on an HTTPS listener with a certificate and make the HTTP "
          "listener's default action a redirect to HTTPS. CloudFormation: DefaultActions: "
          "[{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: \"443\", StatusCode: "
          "HTTP_301}}] on the HTTP AWS::ElasticLoadBalancingV2::Listener, Certificates: "
          "[{CertificateArn: ...}] on the HTTPS one. Terraform: default_action { type = "
          "\"redirect\" redirect { protocol = \"HTTPS\" port = \"443\" status_code = "
          "\"HTTP_301\" } } on aws_lb_listener, certificate_arn on the HTTPS listener.",
      .bad_example = R"yaml(HttpListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref Alb
    Protocol: HTTP
    Port: 80
    DefaultActions:
      - {Type: forward, TargetGroupArn: !Ref AppTg})yaml",
      .good_example = R"yaml(HttpListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref Alb
    Protocol: HTTP
    Port: 80
    DefaultActions:
      - Type: redirect
        RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301})yaml",
      .tags = {"security"},
  };
  return kInfo;
}

namespace {

// Listener protocols and action types are upper / lower case by convention; compare
// without case so that a hand-written "https" is not taken for something else.
bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string OnPort(const Listener& l) {
  std::optional<int64_t> port = l.port.AsInt();
  return port ? " on port " + std::to_string(*port) : "";
}

// Whether the listener's default actions redirect to HTTPS; nullopt when an action's type
// or redirect protocol is unknown and no action proves the redirect.
std::optional<bool> RedirectsToHttps(const Listener& l) {
  if (!l.default_actions_known) return std::nullopt;
  bool unknown = false;
  for (const ListenerAction& a : l.default_actions) {
    std::optional<std::string> type = a.type.AsString();
    if (!type) {
      unknown = true;
    } else if (EqualsIgnoreCase(*type, "redirect")) {
      std::optional<std::string> proto = a.redirect_protocol.AsString();
      if (proto && EqualsIgnoreCase(*proto, "HTTPS")) return true;
      if (a.redirect_protocol.is_unresolved()) unknown = true;
    }
  }
  if (unknown) return std::nullopt;
  return false;
}

// The default action types, for messages: "forward", "fixed-response and forward".
std::string ActionTypes(const Listener& l) {
  std::string out;
  for (size_t i = 0; i < l.default_actions.size(); ++i) {
    if (i > 0) out += i + 1 == l.default_actions.size() ? " and " : ", ";
    std::string type = l.default_actions[i].type.AsString().value_or("?");
    if (EqualsIgnoreCase(type, "redirect")) {
      type += " to " + l.default_actions[i].redirect_protocol.AsString().value_or("#{protocol}");
    }
    out += type;
  }
  return out.empty() ? "no action" : out;
}

void CheckHttp(const Model& model, RuleContext& ctx, const Listener& l) {
  const LoadBalancer* lb = Model::Get(model.load_balancers, l.load_balancer);
  if (!lb || lb->kind != LbKind::kApplication || lb->internet_facing != true) return;
  if (RedirectsToHttps(l) != false) return;
  const Resource& res = *l.res;
  ctx.Report(res, PosOr(l.protocol, res.pos), PropPath(res, "Protocol"),
             Quote(res.id) + " (" + res.type + ") of internet-facing ALB " + Quote(lb->res->id) +
                 " serves plain HTTP" + OnPort(l) + ": " + PropName(res, "DefaultActions") +
                 " is " + ActionTypes(l) + ", expected a redirect to HTTPS");
}

void CheckHttps(const Model& model, RuleContext& ctx, const Listener& l) {
  const Value& certs = l.certificates;
  if (!certs.is_absent() && !(certs.is_list() && certs.items().empty())) return;
  if (!l.listener_certificates.empty() || model.unresolved_listener_certificates) return;
  const Resource& res = *l.res;
  std::string property = PropName(res, "Certificates");
  ctx.Report(res, PosOr(certs, PosOr(l.protocol, res.pos)), PropPath(res, "Certificates"),
             Quote(res.id) + " (" + res.type + ") uses HTTPS" + OnPort(l) + " but " + property +
                 (certs.is_absent() ? " is absent" : " is empty") +
                 " and no listener certificate names it; expected a server certificate");
}

}  // namespace

void Sec006LbPlainHttp::Check(const Model& model, RuleContext& ctx) const {
  for (const auto& [id, l] : model.listeners) {
    std::optional<std::string> protocol = l.protocol.AsString();
    if (!protocol) continue;
    if (EqualsIgnoreCase(*protocol, "HTTP")) {
      CheckHttp(model, ctx, l);
    } else if (EqualsIgnoreCase(*protocol, "HTTPS")) {
      CheckHttps(model, ctx, l);
    }
  }
}

}  // namespace halint
