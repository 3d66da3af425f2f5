#include "rules/rule_util.h"

#include <algorithm>

#include "analyzer/rule.h"

namespace halint {

std::optional<std::vector<AzKey>> DistinctAzs(const std::vector<AzKey>& keys) {
  std::vector<AzKey> out;
  for (const AzKey& k : keys) {
    if (!k.known()) return std::nullopt;
    if (!out.empty() && !out.front().SameAs(k) && !out.front().DifferentFrom(k)) {
      return std::nullopt;  // e.g. a name and an index: not comparable
    }
    out.push_back(k);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end(),
                        [](const AzKey& a, const AzKey& b) { return a.SameAs(b); }),
            out.end());
  return out;
}

std::string JoinAzLabels(const std::vector<AzKey>& keys) {
  std::string out;
  for (const AzKey& k : keys) {
    if (!out.empty()) out += ", ";
    out += k.Label();
  }
  return out;
}

std::string JoinQuoted(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += Quote(ids[i]);
  }
  return out;
}

SourcePos NestedPropertyPos(const Resource& r, std::string_view dotted) {
  std::string path = PropName(r, dotted);
  std::string_view rest = path;
  const Value* v = &r.properties;
  SourcePos pos = r.pos;
  while (!rest.empty()) {
    size_t dot = rest.find('.');
    if (v->is_list() && !v->items().empty()) v = &v->items().front();
    const ValueEntry* e = v->FindEntry(rest.substr(0, dot));
    if (!e) break;
    if (e->key_pos.known()) pos = e->key_pos;
    v = &e->value;
    rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  }
  return pos;
}

std::string DescribePorts(const IngressRule& rule) {
  std::optional<std::string> proto = rule.protocol.AsString();
  if (proto && (*proto == "-1" || *proto == "all")) return "all ports";
  std::optional<int64_t> from = rule.from_port.AsInt();
  std::optional<int64_t> to = rule.to_port.AsInt();
  if (!from || !to) return "";
  if (*from == -1 || (*from == 0 && *to == 65535)) return "all ports";
  if (*from == *to) return "port " + std::to_string(*from);
  return "ports " + std::to_string(*from) + "-" + std::to_string(*to);
}

}  // namespace halint
