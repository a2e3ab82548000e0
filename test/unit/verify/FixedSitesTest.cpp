//===- FixedSitesTest.cpp - notified drops attributed to the fixes --------===//

#include "verify/FixedSites.h"
#include "gtest/gtest.h"

using namespace bpftidy::verify;
using namespace llvm;

namespace {

TEST(FileIdsTest, CiliumsStrcaseTable) {
  std::map<uint32_t, std::string> Ids = parseFileIds(R"(
#define _strcase_(id, known_name) do {			\
	if (!__builtin_strcmp(header_name, known_name))	\
		return id;				\
	} while (0)
static __always_inline int
__source_file_name_to_id(const char *const header_name)
{
	/* source files from bpf/ */
	_strcase_(1, "bpf_host.c");
	_strcase_(2, "bpf_lxc.c");
	/* header files from bpf/lib/ */
	_strcase_(101, "arp.h");
	return 0;
}
)");
  EXPECT_EQ(Ids, (std::map<uint32_t, std::string>{
                     {1, "bpf_host.c"}, {2, "bpf_lxc.c"}, {101, "arp.h"}}));
}

TEST(FileIdsTest, TheSamplesIfReturnChain) {
  std::map<uint32_t, std::string> Ids = parseFileIds(R"(
static __always_inline __u32 __source_file_id(const char *name)
{
	if (!__builtin_strcmp(name, "bpf_lxc.c"))
		return 1;
	if (!__builtin_strcmp(name, "conntrack.h"))
		return 0x2;
	return 0;
}
struct drop_event { __u32 a; };  /* no string: nothing */
)");
  EXPECT_EQ(Ids, (std::map<uint32_t, std::string>{{1, "bpf_lxc.c"},
                                                  {2, "conntrack.h"}}));
}

TEST(FixedSitesTest, ParsesSites) {
  Expected<std::vector<FixedSite>> Sites = parseFixedSites(R"({
    "version": 1, "fixed_sites": [
      {"file": "lib/conntrack.h", "line": 329, "end_line": 330,
       "reason": "DROP_INVALID", "reason_value": -134,
       "direction_value": 2, "configurations": ["a"]},
      {"id": "x", "file": "bpf_lxc.c", "line": 66, "reason_value": -139,
       "direction_value": 1}]})",
                                                           "f.json");
  ASSERT_TRUE(bool(Sites)) << toString(Sites.takeError());
  ASSERT_EQ(Sites->size(), 2u);
  EXPECT_EQ((*Sites)[0].Id, "lib/conntrack.h:329");
  EXPECT_EQ((*Sites)[0].EndLine, 330u);
  EXPECT_EQ((*Sites)[0].Configurations, std::vector<std::string>{"a"});
  EXPECT_EQ((*Sites)[1].Id, "x");
  EXPECT_EQ((*Sites)[1].EndLine, 66u);
  EXPECT_EQ((*Sites)[1].ReasonValue, -139);
}

TEST(FixedSitesTest, ValuesAreOptionalAndNamesResolve) {
  Expected<std::vector<FixedSite>> Sites = parseFixedSites(R"({
    "version": 1, "fixed_sites": [
      {"file": "a.c", "line": 3, "direction": "METRIC_EGRESS"},
      {"file": "a.c", "line": 9, "direction": "NO_SUCH"},
      {"file": "a.c", "line": 12}]})",
                                                           "f.json");
  ASSERT_TRUE(bool(Sites)) << toString(Sites.takeError());
  EXPECT_EQ((*Sites)[0].ReasonValue, std::nullopt);
  EXPECT_EQ((*Sites)[0].DirectionValue, std::nullopt);
  resolveDirections(*Sites, [](StringRef Name) -> std::optional<int64_t> {
    if (Name == "METRIC_EGRESS")
      return 2;
    return std::nullopt;
  });
  EXPECT_EQ((*Sites)[0].DirectionValue, 2);
  EXPECT_EQ((*Sites)[1].DirectionValue, std::nullopt);
  EXPECT_EQ((*Sites)[2].DirectionValue, std::nullopt);
}

std::string parseError(StringRef Json) {
  Expected<std::vector<FixedSite>> Sites = parseFixedSites(Json, "f.json");
  return Sites ? std::string("parsed") : toString(Sites.takeError());
}

TEST(FixedSitesTest, BadFilesSayWhy) {
  EXPECT_EQ(parseError(R"({"version": 2, "fixed_sites": []})"),
            "f.json: expected {\"version\": 1, \"fixed_sites\": [...]}");
  EXPECT_EQ(parseError(R"({"version": 1, "fixed_sites": [{"line": 3}]})"),
            "f.json: fixed site 1: needs 'file' and 'line' (>= 1)");
  EXPECT_EQ(parseError(R"({"version": 1, "fixed_sites": [{"file": "a.c",
            "line": 3, "reason_value": 134, "direction_value": 1}]})"),
            "f.json: fixed site 1: 'reason_value' must be a negative number");
  EXPECT_EQ(parseError(R"({"version": 1, "fixed_sites": [{"file": "a.c",
            "line": 3, "end_line": 2, "reason_value": -134,
            "direction_value": 1}]})"),
            "f.json: fixed site 1: 'end_line' is before 'line'");
}

PacketRun run(StringRef Packet, int32_t Verdict,
              std::vector<DropEvent> Events = {}) {
  PacketRun R;
  R.Configuration = "c";
  R.Program = "from-container";
  R.Packet = Packet.str();
  R.DropVerdict = 2;
  R.Verdict = Verdict;
  R.Events = std::move(Events);
  return R;
}

DropEvent event(int32_t Reason, uint8_t Direction, uint32_t File,
                uint32_t Line) {
  DropEvent E;
  E.Reason = Reason;
  E.Direction = Direction;
  E.SourceFile = File;
  E.SourceLine = Line;
  return E;
}

TEST(AttributionTest, DropsAreAttributedByFileAndLine) {
  FixedSite Site;
  Site.Id = "ct";
  Site.File = "lib/conntrack.h";
  Site.Line = 10;
  Site.EndLine = 11;
  Site.ReasonValue = -134;
  Site.DirectionValue = 2;
  FixedSite Unreached = Site;
  Unreached.Id = "other";
  Unreached.Line = Unreached.EndLine = 50;
  std::vector<FixedSite> Sites = {Site, Unreached};
  std::map<uint32_t, std::string> Ids = {{102, "conntrack.h"}};

  TreeResults Before, After;
  Before.Runs = {run("p1", -134), run("p2", -134), run("p3", 0),
                 run("p4", -134)};
  After.Runs = {run("p1", 2, {event(-134, 2, 102, 11)}),
                run("p2", 2, {event(-134, 1, 102, 10)}), run("p3", 0),
                run("p4", 2, {event(-134, 2, 102, 12)})};
  Attribution A = attributeFixedDrops(Before, After, Sites, Ids, {});
  ASSERT_EQ(A.Checks.size(), 2u);
  EXPECT_EQ(A.Checks[0].Site->Id, "ct");
  EXPECT_EQ(A.Checks[0].Status, FixedSiteStatus::Failed);
  EXPECT_EQ(A.Checks[0].Packets,
            std::vector<std::string>{"from-container: p1"});
  EXPECT_EQ(A.Checks[1].Status, FixedSiteStatus::NotReached);
  ASSERT_EQ(A.Failures.size(), 2u);
  EXPECT_EQ(A.Failures[0].Packet, "p2");
  EXPECT_EQ(A.Failures[0].Message,
            "fixed site ct: direction 1, the fix wrote 2");
  EXPECT_EQ(A.Failures[1].Packet, "p4");
  EXPECT_NE(A.Failures[1].Message.find("conntrack.h:12) matches no fixed site"),
            std::string::npos)
      << A.Failures[1].Message;
}

TEST(AttributionTest, DropsNotifiedBeforeAndBrokenConfigurationsAreLeftAlone) {
  FixedSite Site;
  Site.Id = "ct";
  Site.File = "conntrack.h";
  Site.Line = Site.EndLine = 10;
  Site.ReasonValue = -134;
  Site.DirectionValue = 2;
  std::vector<FixedSite> Sites = {Site};
  TreeResults Before, After;
  // Notified already before: not the fix's doing, not attributed.
  Before.Runs = {run("p1", 2, {event(-134, 2, 7, 99)})};
  After.Runs = {run("p1", 2, {event(-134, 2, 7, 99)})};
  Attribution A =
      attributeFixedDrops(Before, After, Sites, {{102, "conntrack.h"}}, {});
  EXPECT_TRUE(A.Failures.empty());
  ASSERT_EQ(A.Checks.size(), 1u);
  EXPECT_EQ(A.Checks[0].Status, FixedSiteStatus::NotReached);
  Attribution Broken =
      attributeFixedDrops(Before, After, Sites, {{102, "conntrack.h"}}, {"c"});
  EXPECT_TRUE(Broken.Checks.empty());
}

TEST(AttributionTest, WithoutValuesTheBareDropsReasonAndAnyDirection) {
  FixedSite Site;
  Site.Id = "ct";
  Site.File = "conntrack.h";
  Site.Line = Site.EndLine = 10;
  std::vector<FixedSite> Sites = {Site};
  TreeResults Before, After;
  Before.Runs = {run("p1", -134), run("p2", -134), run("p3", -134)};
  After.Runs = {run("p1", 2, {event(-134, 1, 102, 10)}),
                run("p2", 2, {event(-135, 1, 102, 10)}),
                run("p3", 2, {event(-134, 0, 102, 10)})};
  Attribution A =
      attributeFixedDrops(Before, After, Sites, {{102, "conntrack.h"}}, {});
  ASSERT_EQ(A.Checks.size(), 1u);
  EXPECT_EQ(A.Checks[0].Packets,
            std::vector<std::string>{"from-container: p1"});
  ASSERT_EQ(A.Failures.size(), 2u);
  EXPECT_EQ(A.Failures[0].Message,
            "fixed site ct: reason -135, the bare drop's was -134");
  EXPECT_EQ(A.Failures[1].Message,
            "fixed site ct: no direction (neither the notification nor the "
            "metrics tell one)");
}

TEST(AttributionTest, AMissedTailCallNothingNotifiedBeforeIsAFixedSitesProof) {
  // A fix of a missed tail call (a stale ret passed the packet) or of an
  // ignored tail-call result: no bare drop before, one notified
  // DROP_MISSED_TAIL_CALL after, at the site. An emptied slot's probe run
  // is such a run too (its name says which slot).
  FixedSite Site;
  Site.Id = "bpf_lxc.c:357=>bpf_lxc.c:363";
  Site.File = "bpf_lxc.c";
  Site.Line = 363;
  Site.EndLine = 364;
  Site.DirectionValue = 1;
  std::vector<FixedSite> Sites = {Site};
  TreeResults Before, After;
  Before.Runs = {run("arp", 0), run("arp [slot 2/13 empty]", 0), run("ipv4", 0),
                 run("ipv6", 0), run("other", 0)};
  After.Runs = {run("arp", 2, {event(-140, 1, 1, 364)}),
                run("arp [slot 2/13 empty]", 2, {event(-140, 1, 1, 363)}),
                // Another reason after a pass: the differential's to judge.
                run("ipv4", 2, {event(-134, 1, 1, 363)}),
                // A missed tail call notified elsewhere: no site's proof.
                run("ipv6", 2, {event(-140, 1, 1, 90)}),
                // At the site, but the packet passes: a wrong fix.
                run("other", 0, {event(-140, 1, 1, 363)})};
  Attribution A =
      attributeFixedDrops(Before, After, Sites, {{1, "bpf_lxc.c"}}, {});
  ASSERT_EQ(A.Checks.size(), 1u);
  EXPECT_EQ(A.Checks[0].Status, FixedSiteStatus::Failed);
  EXPECT_EQ(A.Checks[0].Packets, (std::vector<std::string>{
                                     "from-container: arp",
                                     "from-container: arp [slot 2/13 empty]"}));
  EXPECT_EQ(A.NotifiedMisses, (std::set<RunKey>{{"c", "from-container", "arp"},
                                                {"c", "from-container",
                                                 "arp [slot 2/13 empty]"}}));
  ASSERT_EQ(A.Failures.size(), 2u);
  EXPECT_EQ(A.Failures[0].Packet, "ipv6");
  EXPECT_EQ(A.Failures[1].Packet, "other");
  EXPECT_EQ(A.Failures[1].Message,
            "fixed site bpf_lxc.c:357=>bpf_lxc.c:363: verdict 0");
}

} // namespace
