// `halint graph --format dot|mermaid`: the topology drawn from the model, exact output.
#include "analyzer/report/graph_format.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "analyzer/loader.h"

namespace halint {
namespace {

// One VPC: a public subnet in AZ 0 with a NAT gateway, a private subnet whose AZ is not
// pinned, an app instance behind an ALB, and a single-AZ database admitting the app's SG.
constexpr const char* kTemplate = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Igw:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
  Public:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  Private:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PublicRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}
  PublicAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {SubnetId: !Ref Public}
  PrivateRt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  PrivateRoute:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}
  PrivateAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Private, RouteTableId: !Ref PrivateRt}
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: lb, VpcId: !Ref Vpc}
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref LbSg}]
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppSg}]
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [!Ref Public], SecurityGroups: [!Ref LbSg]}
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: {Port: 80, Protocol: HTTP, Targets: [{Id: !Ref App}]}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: {LoadBalancerArn: !Ref Lb, Port: 80, Protocol: HTTP, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg}]}
  App:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref Private, SecurityGroupIds: [!Ref AppSg]}
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, VPCSecurityGroups: [!Ref DbSg]}
)";

std::string Draw(std::string_view format) {
  LoadedInput input =
      LoadSource(std::make_shared<const SourceFile>(SourceFile{"net.yaml", kTemplate}), {}, true);
  EXPECT_EQ(input.kind, LoadedInput::Kind::kTemplate);
  std::ostringstream out;
  EXPECT_TRUE(WriteGraphs(format, {&input.graph}, out));
  return out.str();
}

TEST(GraphFormatTest, FormatsAreRegisteredJsonFirst) {
  EXPECT_EQ(GraphFormats(), (std::vector<std::string>{"json", "dot", "mermaid"}));
  std::ostringstream out;
  EXPECT_FALSE(WriteGraphs("svg", {}, out));
  EXPECT_EQ(out.str(), "");
}

TEST(GraphFormatTest, DotDrawsTopologyWithFindings) {
  EXPECT_EQ(Draw("dot"), R"dot(digraph halint {
  graph [rankdir=LR, fontname="Helvetica", fontsize=12, labelloc=t, newrank=true, label="net.yaml"];
  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];
  edge [fontname="Helvetica", fontsize=9, color="#475569"];
  subgraph cluster_vpc_Vpc {
    label="VPC Vpc (10.0.0.0/16) [HA001]";
    style="rounded,filled"; fillcolor="#f8fafc"; color="#b91c1c"; penwidth=2;
    subgraph cluster_az_Vpc_AZ_0 {
      label="AZ 0";
      style="rounded,dashed"; color="#64748b";
      subnet_Public [label="Public\n10.0.0.0/24\npublic", fillcolor="#dbeafe"];
      nat_Nat [label="Nat\nNAT gateway\nin Public", fillcolor="#ffedd5"];
    }
    subgraph cluster_az_Vpc_unknown_AZ {
      label="unknown AZ";
      style="rounded,dashed"; color="#64748b";
      subnet_Private [label="Private\n10.0.1.0/24\nprivate", fillcolor="#dcfce7"];
      instance_App [label="App\napp instance\nHA008", fillcolor="#fecaca", color="#b91c1c", penwidth=2];
    }
    lb_Lb [label="Lb\nALB, internet-facing\nin Public\nHA001", fillcolor="#fecaca", color="#b91c1c", penwidth=2];
    tg_Tg [label="Tg\ntarget group", fillcolor="#f0fdfa"];
  }
  igw_Igw [label="Igw\ninternet gateway", fillcolor="#ffedd5"];
  db_Db [label="Db\nRDS instance (postgres)\nsingle-AZ\nHA003", shape=cylinder, fillcolor="#fecaca", color="#b91c1c", penwidth=2];
  note_other_findings [label="other findings\nSEC006 (Listener)", shape=note, fillcolor="#fecaca", color="#b91c1c", penwidth=2];
  nat_Nat -> subnet_Private [label="0.0.0.0/0 (PrivateRt)", dir=back];
  igw_Igw -> subnet_Public [label="0.0.0.0/0 (PublicRt)", dir=back];
  igw_Igw -> lb_Lb [label="internet-facing"];
  lb_Lb -> tg_Tg [label="forwards"];
  tg_Tg -> instance_App [label="target"];
  instance_App -> db_Db [label="SG 5432", style=dashed];
}
)dot");
}

TEST(GraphFormatTest, MermaidDrawsTopologyWithFindings) {
  EXPECT_EQ(Draw("mermaid"), R"mermaid(---
title: "net.yaml"
---
flowchart LR
  subgraph vpc_Vpc["VPC Vpc (10.0.0.0/16) [HA001]"]
    subgraph az_Vpc_AZ_0["AZ 0"]
      subnet_Public["Public<br/>10.0.0.0/24<br/>public"]
      nat_Nat["Nat<br/>NAT gateway<br/>in Public"]
    end
    subgraph az_Vpc_unknown_AZ["unknown AZ"]
      subnet_Private["Private<br/>10.0.1.0/24<br/>private"]
      instance_App["App<br/>app instance<br/>HA008"]
    end
    lb_Lb["Lb<br/>ALB, internet-facing<br/>in Public<br/>HA001"]
    tg_Tg["Tg<br/>target group"]
  end
  igw_Igw["Igw<br/>internet gateway"]
  db_Db[("Db<br/>RDS instance (postgres)<br/>single-AZ<br/>HA003")]
  note_other_findings["other findings<br/>SEC006 (Listener)"]
  subnet_Private -->|"0.0.0.0/0 (PrivateRt)"| nat_Nat
  subnet_Public -->|"0.0.0.0/0 (PublicRt)"| igw_Igw
  igw_Igw -->|"internet-facing"| lb_Lb
  lb_Lb -->|"forwards"| tg_Tg
  tg_Tg -->|"target"| instance_App
  instance_App -.->|"SG 5432"| db_Db
  classDef public fill:#dbeafe,stroke:#1d4ed8,color:#000
  classDef private fill:#dcfce7,stroke:#15803d,color:#000
  classDef gateway fill:#ffedd5,stroke:#c2410c,color:#000
  classDef tg fill:#f0fdfa,stroke:#0f766e,color:#000
  classDef finding fill:#fecaca,stroke:#b91c1c,stroke-width:2px,color:#000
  class subnet_Public public
  class subnet_Private private
  class nat_Nat,igw_Igw gateway
  class tg_Tg tg
  class lb_Lb,instance_App,db_Db,note_other_findings finding
  style vpc_Vpc stroke:#b91c1c,stroke-width:2px
)mermaid");
}

}  // namespace
}  // namespace halint
