#include "rules/registry.h"

#include <memory>

#include "rules/ha/ha001_az_spread.h"
#include "rules/ha/ha002_nat_per_az.h"
#include "rules/ha/ha003_db_multi_az.h"
#include "rules/ha/ha004_cache_failover.h"
#include "rules/ha/ha005_asg_capacity.h"
#include "rules/ha/ha006_asg_elb_health_check.h"
#include "rules/ha/ha007_msk_broker_spread.h"
#include "rules/ha/ha008_single_instance.h"
#include "rules/net/net001_subnet_outside_vpc.h"
#include "rules/net/net002_subnet_overlap.h"
#include "rules/net/net003_nacl_return_traffic.h"
#include "rules/net/net004_peering_overlap.h"
#include "rules/sec/sec001_db_ingress_from_app_only.h"
#include "rules/sec/sec002_app_ingress_from_lb_only.h"
#include "rules/sec/sec003_app_tier_private.h"
#include "rules/sec/sec004_admin_port_open.h"
#include "rules/sec/sec005_db_publicly_accessible.h"
#include "rules/sec/sec006_lb_plain_http.h"
#include "rules/sec/sec007_db_subnet_exposure.h"
#include "rules/tag/tag001_name_convention.h"

namespace halint {

const std::vector<const Rule*>& AllRules() {
  static const Ha001AzSpread ha001;
  static const Ha002NatPerAz ha002;
  static const Ha003DbMultiAz ha003;
  static const Ha004CacheFailover ha004;
  static const Ha005AsgCapacity ha005;
  static const Ha006AsgElbHealthCheck ha006;
  static const Ha007MskBrokerSpread ha007;
  static const Ha008SingleInstance ha008;
  static const Net001SubnetOutsideVpc net001;
  static const Net002SubnetOverlap net002;
  static const Net003NaclReturnTraffic net003;
  static const Net004PeeringOverlap net004;
  static const Sec001DbIngressFromAppOnly sec001;
  static const Sec002AppIngressFromLbOnly sec002;
  static const Sec003AppTierPrivate sec003;
  static const Sec004AdminPortOpen sec004;
  static const Sec005DbPubliclyAccessible sec005;
  static const Sec006LbPlainHttp sec006;
  static const Sec007DbSubnetExposure sec007;
  static const Tag001NameConvention tag001;
  // One explicit list, sorted by ID (a test checks the order).
  static const std::vector<const Rule*> kRules = {
      &ha001,  &ha002,  &ha003,  &ha004,  &ha005,  &ha006,  &ha007,  &ha008,  &net001, &net002,
      &net003, &net004, &sec001, &sec002, &sec003, &sec004, &sec005, &sec006, &sec007, &tag001,
  };
  return kRules;
}

const Rule* FindRule(std::string_view id) {
  for (const Rule* r : AllRules()) {
    if (r->info().id == id) return r;
  }
  return nullptr;
}

}  // namespace halint
