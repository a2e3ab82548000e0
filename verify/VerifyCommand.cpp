//===- VerifyCommand.cpp - bpf-tidy verify --------------------------------===//

#include "verify/VerifyCommand.h"

#include "config/ConfigurationList.h"
#include "support/OutputFile.h"
#include "support/RemoveOnSignal.h"
#include "verify/BpfLoader.h"
#include "verify/BtfLayouts.h"
#include "verify/ConfigurationPackets.h"
#include "verify/DatapathProfile.h"
#include "verify/Differential.h"
#include "verify/DwarfLayouts.h"
#include "verify/EmptiedSlot.h"
#include "verify/FixedSites.h"
#include "verify/IntendedSites.h"
#include "verify/LibbpfMessages.h"
#include "verify/ObjectBuilder.h"
#include "verify/ObjectGlobals.h"
#include "verify/PacketBuilder.h"
#include "verify/PacketCorpus.h"
#include "verify/PrivateBpffs.h"
#include "verify/PrivilegeProbe.h"
#include "verify/Report.h"
#include "verify/SiteProof.h"
#include "verify/TestRunner.h"
#include "verify/VerifyOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <bpf/libbpf.h>
#include <cstring>
#include <optional>

using namespace llvm;

namespace bpftidy::verify {
namespace {

/// Lines of compiler output shown for a failed build.
constexpr unsigned BuildOutputLines = 20;

class VerifyCommand {
public:
  VerifyCommand(StringRef ToolName, VerifyOptions Options)
      : ToolName(ToolName), Options(std::move(Options)) {}

  int run();

private:
  int inputError(const Twine &Message) {
    errs() << ToolName << ": error: " << Message << "\n";
    return ExitUsage;
  }
  Error readInputs();
  bool slotLeftEmpty(const PacketRun &Run) const;
  bool missedSilentlyBefore(const PacketRun &Run,
                            const TreeResults &Tree) const;
  TreeResults runTree(const ConfigurationList &List, StringRef Label,
                      StringRef OutDir, bool CanLoad);
  void loadAndRun(const ObjectBuild &Build, TreeResults &Tree);
  void runWithEmptySlots(const ObjectBuild &Build, const LoadedObject &Object,
                         const LoadOptions &Load, TestRunner &Runner,
                         TreeResults &Tree);
  std::vector<CorpusPacket>
  configurationPackets(const ObjectBuild &Build, const LoadedObject &Object,
                       const std::optional<DatapathProfile> &Profile,
                       TreeResults &Tree);
  void checkSites();
  Attribution attributeToFixedSites(std::vector<Failure> &Failures);
  void resolveDirectionNames(const LoadedObject &Object, StringRef Path);
  void notePrepass(const ObjectBuild &Build, const PrepassResult &Prepass);
  int exitCode(const ProbeResult &Probe);

  std::string ToolName;
  VerifyOptions Options;
  bool Differential = false;
  /// One list in single mode; before and after in differential mode.
  std::vector<ConfigurationList> Lists;
  std::vector<std::string> ListPaths;
  std::vector<CorpusPacket> Corpus;
  VerifyReport Report;
  /// From --profile; otherwise each object's is detected.
  std::optional<DatapathProfile> GivenProfile;
  /// The first profile an object of the fixed tree was read with.
  std::optional<DatapathProfile> AfterProfile;
  bool WarnedNoEvents = false;
  bool WarnedNoMacros = false;
  bool SaidProfile = false;
  /// Constants written into some loaded object's loads.
  StringSet<> ConstantsLoaded;
  /// Runs of the fixed tree that ended in a missed tail call nothing
  /// notified before: a failure unless a fixed site proves it the fix's.
  std::vector<Failure> PendingMisses;
  /// Set with --pin-maps once loading is possible.
  std::unique_ptr<PrivateBpffs> Bpffs;
};

/// Checks that every configuration a site names exists in \p List.
Error checkSiteConfigurations(const std::vector<IntendedSite> &Sites,
                              const ConfigurationList &List,
                              StringRef SitesPath, StringRef ListPath) {
  for (const IntendedSite &Site : Sites)
    for (const std::string &Config : Site.Configurations)
      if (!List.find(Config))
        return createStringError(inconvertibleErrorCode(),
                                 SitesPath + ": site '" + Site.Id +
                                     "': configuration '" + Config +
                                     "' is not in " + ListPath);
  return Error::success();
}

std::vector<std::string> configurationNames(const ConfigurationList &List) {
  std::vector<std::string> Names;
  for (const Configuration &C : List.Configurations)
    Names.push_back(C.Name);
  return Names;
}

Error VerifyCommand::readInputs() {
  Differential = Options.RunMode == VerifyOptions::Mode::Differential;
  ListPaths = Differential
                  ? std::vector<std::string>{Options.Before, Options.After}
                  : std::vector<std::string>{Options.Configs};
  for (const std::string &Path : ListPaths) {
    Expected<ConfigurationList> List = readConfigurationList(Path);
    if (!List)
      return List.takeError();
    Lists.push_back(std::move(*List));
  }
  if (Differential) {
    std::vector<std::string> Before = configurationNames(Lists[0]),
                             After = configurationNames(Lists[1]);
    for (const std::string &Name : Before)
      if (!is_contained(After, Name))
        return createStringError(
            inconvertibleErrorCode(),
            "configuration '" + Name + "' of " + ListPaths[0] + " is not in " +
                ListPaths[1] + " (both lists need the same names)");
    for (const std::string &Name : After)
      if (!is_contained(Before, Name))
        return createStringError(
            inconvertibleErrorCode(),
            "configuration '" + Name + "' of " + ListPaths[1] + " is not in " +
                ListPaths[0] + " (both lists need the same names)");
  }
  Report.Differential = Differential;
  Report.Configurations = configurationNames(Lists[0]);
  if (!Options.Profile.empty()) {
    Expected<DatapathProfile> Profile = resolveProfile(Options.Profile);
    if (!Profile)
      return Profile.takeError();
    GivenProfile = std::move(*Profile);
  }

  if (!Options.Sites.empty()) {
    Expected<std::vector<IntendedSite>> Sites =
        readIntendedSites(Options.Sites);
    if (!Sites)
      return Sites.takeError();
    Report.Sites = std::move(*Sites);
    for (size_t I = 0; I < Lists.size(); ++I)
      if (Error E = checkSiteConfigurations(Report.Sites, Lists[I],
                                            Options.Sites, ListPaths[I]))
        return E;
  }
  if (!Options.FixedSites.empty()) {
    Expected<std::vector<FixedSite>> Fixed = readFixedSites(Options.FixedSites);
    if (!Fixed)
      return Fixed.takeError();
    Report.FixedSites = std::move(*Fixed);
  }
  std::vector<std::string> SiteRecipes;
  for (const IntendedSite &Site : Report.Sites)
    SiteRecipes.push_back(Site.Packet);
  Expected<std::vector<CorpusPacket>> Built = buildCorpus(SiteRecipes);
  if (!Built)
    return Built.takeError();
  Corpus = std::move(*Built);
  Report.CorpusSize = Corpus.size();
  return Error::success();
}

/// Whether \p Run, of the fixed tree, may be a fixed site's proof: nothing
/// was notified when the original tree ran its packet, and the packet was
/// no bare drop. Its missed tail call was there before, silent; whether it
/// is the fix's doing is known once the drops are attributed.
bool VerifyCommand::missedSilentlyBefore(const PacketRun &Run,
                                         const TreeResults &Tree) const {
  if (Tree.Label != "after" || Report.FixedSites.empty() ||
      Report.Trees.empty())
    return false;
  const PacketRun *Before =
      Report.Trees.front().findRun(Run.Configuration, Run.Program, Run.Packet);
  return Before && Before->Error.empty() && Before->Events.empty() &&
         !Before->isBareDrop();
}

/// Whether a site says \p Run's missed tail call is on purpose.
bool VerifyCommand::slotLeftEmpty(const PacketRun &Run) const {
  return any_of(Report.Sites, [&](const IntendedSite &Site) {
    return Site.SlotLeftEmpty && Site.Program == Run.Program &&
           Site.Packet == Run.Packet &&
           is_contained(Site.Configurations, Run.Configuration);
  });
}

void VerifyCommand::loadAndRun(const ObjectBuild &Build, TreeResults &Tree) {
  LoadOptions Load;
  Load.TypeOverrides = Options.TypeOverrides;
  Load.LogTailLines = Options.LogLines;
  Load.LegacyMapIds = Options.LegacyMapIds;
  Load.EndpointId = Options.EndpointId;
  Load.Prepass.Constants = Options.Constants;
  if (!Options.OutDir.empty()) {
    SmallString<256> Prepared(Build.ObjectPath);
    sys::path::replace_extension(Prepared, "libbpf.o");
    Load.PreparedObjectPath = Prepared.str().str();
  }
  if (Bpffs) {
    Expected<std::string> Dir = Bpffs->newDirectory();
    if (!Dir) {
      Tree.Failures.push_back(
          {"load", Build.Configuration, "", "", toString(Dir.takeError()), ""});
      return;
    }
    Load.PinRoot = *Dir;
  }
  LoadResult Loaded = loadObject(Build.ObjectPath, Load);
  for (const ProgramRejection &R : Loaded.Rejections) {
    std::string Reason = R.Reason.empty() ? strerror(R.Errno) : R.Reason;
    // The unmodified tree's own rejections (Cilium load-tests only some of
    // its configurations) are reported, not judged; after the fix, only a
    // program the original tree loaded fails.
    if (Differential &&
        (Tree.Label == "before" ||
         Report.Trees.front().wasRejected(Build.Configuration, R.Function))) {
      Tree.Rejected.push_back(
          {Build.Configuration, R.Section, R.Function, Reason});
      continue;
    }
    std::string Message =
        "the verifier rejected '" + R.Function + "': " + strerror(R.Errno);
    if (R.SourceLine)
      Message += "; at " + R.SourceLine->File + ":" +
                 std::to_string(R.SourceLine->Line) + ": " + R.SourceLine->Text;
    if (Differential)
      Message += " (the original tree loaded it)";
    Tree.Failures.push_back({"load", Build.Configuration, R.Section, "",
                             Message,
                             "verifier log (last lines):\n" + R.LogTail});
  }
  if (!Loaded.Object) {
    if (Loaded.Rejections.empty())
      Tree.Failures.push_back(
          {"load", Build.Configuration, "", "", Loaded.Error, Loaded.Messages});
    return;
  }
  const LoadedObject &Object = *Loaded.Object;
  if (Options.Verbose)
    notePrepass(Build, Object.Prepass);
  for (const SubstitutedConstant &C : Object.Prepass.Constants)
    ConstantsLoaded.insert(C.Name);
  Tree.ProgramsLoaded += Object.Programs.size();
  for (const LoadedProgram &P : Object.Programs)
    Tree.Costs.push_back({Build.Configuration, Build.Stem, P.Name, P.Function,
                          !P.isEntry(), P.Cost});

  std::optional<DatapathProfile> Profile =
      GivenProfile ? GivenProfile : detectProfile(Object.object());
  if (Tree.Label == "after" && Profile && !AfterProfile)
    AfterProfile = Profile;
  if (Tree.Label == "after")
    resolveDirectionNames(Object, Build.ObjectPath);
  Expected<std::unique_ptr<TestRunner>> Runner =
      TestRunner::create(Object, Build.ObjectPath, Profile);
  if (!Runner) {
    Tree.Failures.push_back(
        {"run", Build.Configuration, "", "", toString(Runner.takeError()), ""});
    return;
  }
  if (!(*Runner)->readsNotifications() && !WarnedNoEvents) {
    errs() << ToolName << ": warning: " << Build.ObjectPath
           << (Profile ? " has no events map of profile '" + Profile->Name + "'"
                       : std::string(" matches no datapath profile (give "
                                     "--profile)"))
           << "; drop notifications are not collected\n";
    WarnedNoEvents = true;
  } else if (Options.Verbose && !SaidProfile) {
    errs() << ToolName << ": note: profile '" << Profile->Name
           << "': drops read from " << (*Runner)->notificationSource() << "\n";
    SaidProfile = true;
  }
  std::vector<CorpusPacket> FromConfiguration =
      configurationPackets(Build, Object, Profile, Tree);
  std::vector<const CorpusPacket *> Packets;
  for (const CorpusPacket &Packet : Corpus)
    Packets.push_back(&Packet);
  for (const CorpusPacket &Packet : FromConfiguration)
    Packets.push_back(&Packet);
  for (const LoadedProgram &P : Object.Programs) {
    if (!P.isEntry())
      continue;
    if (!dropVerdictFor(P.Type)) {
      if (Options.Verbose)
        errs() << ToolName << ": note: not running '" << P.Name
               << "': only tc and XDP programs are run\n";
      continue;
    }
    bool NonDeterministic = false;
    for (const CorpusPacket *Packet : Packets) {
      PacketRun Run = (*Runner)->run(P, *Packet);
      Run.Configuration = Build.Configuration;
      Run.Object = Build.Stem;
      Run.FromConfiguration =
          Packet >= FromConfiguration.data() &&
          Packet < FromConfiguration.data() + FromConfiguration.size();
      // The original tree runs each packet twice: a program that answers
      // one packet two ways cannot show what a fix changed.
      if (Tree.Label == "before" && !NonDeterministic && Run.Error.empty()) {
        PacketRun Again = (*Runner)->run(P, *Packet);
        std::string Difference = describeDifference(Run, Again);
        if (!Difference.empty()) {
          NonDeterministic = true;
          Tree.NonDeterministic.push_back(
              {Build.Configuration, Run.Program, Run.Packet, Difference});
        }
      }
      if (!Run.Error.empty() && !Run.Refused)
        Tree.Failures.push_back({"run", Build.Configuration, Run.Program,
                                 Run.Packet, Run.Error, ""});
      else if (Run.endsInMissedTailCall() && !slotLeftEmpty(Run) &&
               !Tree.hasRejections(Build.Configuration))
        (missedSilentlyBefore(Run, Tree) ? PendingMisses : Tree.Failures)
            .push_back(
                {"run", Build.Configuration, Run.Program, Run.Packet,
                 "the packet ended in a missed tail call "
                 "(DROP_MISSED_TAIL_CALL): a slot on its path is empty, so "
                 "it never reached the code after it",
                 "wire the slot (--map-id, --endpoint-id, docs/verify.md), "
                 "or mark the site \"slot_left_empty\" if the datapath "
                 "leaves it empty on purpose"});
      Tree.Runs.push_back(std::move(Run));
    }
  }
  runWithEmptySlots(Build, Object, Load, **Runner, Tree);
}

/// Runs the packet of each site that names an empty_slot once more, with
/// that slot emptied: a missed tail call is reached no other way. Its
/// DROP_MISSED_TAIL_CALL is then the point of the run, not a wiring fault.
void VerifyCommand::runWithEmptySlots(const ObjectBuild &Build,
                                      const LoadedObject &Object,
                                      const LoadOptions &Load,
                                      TestRunner &Runner, TreeResults &Tree) {
  for (const IntendedSite &Site : Report.Sites) {
    if (!Site.EmptySlot ||
        !is_contained(Site.Configurations, Build.Configuration))
      continue;
    const LoadedProgram *Entry = nullptr;
    for (const LoadedProgram &P : Object.Programs)
      if (P.isEntry() && P.Name == Site.Program)
        Entry = &P;
    if (!Entry)
      continue; // checkSites says "no entry program was run".
    std::string Name = sitePacketName(Site);
    if (Tree.findRun(Build.Configuration, Entry->Name, Name))
      continue; // Another site with the same packet and slot.
    Expected<EmptiedSlot> Emptied =
        EmptiedSlot::empty(Object, *Site.EmptySlot, Load);
    if (!Emptied) {
      Tree.Failures.push_back({"run", Build.Configuration, Entry->Name, Name,
                               toString(Emptied.takeError()), ""});
      continue;
    }
    Expected<std::vector<uint8_t>> Bytes = buildPacket(Site.Packet);
    if (!Bytes) { // The sites file was read, so this is not expected.
      Tree.Failures.push_back({"run", Build.Configuration, Entry->Name, Name,
                               toString(Bytes.takeError()), ""});
      continue;
    }
    PacketRun Run = Runner.run(*Entry, {Name, std::move(*Bytes)});
    Run.Configuration = Build.Configuration;
    Run.Object = Build.Stem;
    if (!Run.Error.empty() && !Run.Refused)
      Tree.Failures.push_back(
          {"run", Build.Configuration, Run.Program, Run.Packet, Run.Error, ""});
    Tree.Runs.push_back(std::move(Run));
  }
}

/// The packets \p Object's test configuration adds to the corpus: built
/// from the values \p Profile names, read from the object's globals or the
/// macros its build defined.
std::vector<CorpusPacket> VerifyCommand::configurationPackets(
    const ObjectBuild &Build, const LoadedObject &Object,
    const std::optional<DatapathProfile> &Profile, TreeResults &Tree) {
  if (!Profile || Profile->Configuration.empty())
    return {};
  StringMap<std::string> Macros;
  if (Expected<std::string> Dump = definedMacros(Build))
    Macros = parseMacroDefinitions(*Dump);
  else if (!WarnedNoMacros) {
    // Globals still give most values; say why the others are missing.
    errs() << ToolName << ": warning: " << Build.Configuration << "/"
           << Build.Stem << ": macros not read: " << toString(Dump.takeError())
           << "\n";
    WarnedNoMacros = true;
  } else
    consumeError(Dump.takeError());
  ConfigurationAddresses Values = readConfigurationAddresses(
      Profile->Configuration,
      [&](StringRef Name) -> std::optional<uint64_t> {
        // A CONFIG() constant (Cilium from 2024 on) as written into the
        // loads, --set-constant included; else a global's initial value.
        for (const SubstitutedConstant &C : Object.Prepass.Constants)
          if (C.Name == Name)
            return C.Value;
        return globalIntegerValue(Object.object(), Name);
      },
      Macros);
  StringSet<> Known;
  for (const CorpusPacket &Packet : Corpus)
    Known.insert(Packet.Recipe);
  std::vector<CorpusPacket> Packets;
  for (const std::string &Recipe : configurationRecipes(Values)) {
    std::string Name = normalizeRecipe(Recipe);
    if (!Known.insert(Name).second)
      continue;
    Expected<std::vector<uint8_t>> Bytes = buildPacket(Name);
    if (!Bytes) {
      Tree.Failures.push_back({"run", Build.Configuration, "", Name,
                               toString(Bytes.takeError()), ""});
      continue;
    }
    Packets.push_back({Name, std::move(*Bytes)});
  }
  if (!Values.empty())
    Tree.ConfigurationPackets.push_back(
        {Build.Configuration, Build.Stem, Values.describe(), Packets.size()});
  return Packets;
}

void VerifyCommand::notePrepass(const ObjectBuild &Build,
                                const PrepassResult &Prepass) {
  auto Note = [&](const Twine &What) {
    errs() << ToolName << ": note: " << Build.Configuration << "/" << Build.Stem
           << ": " << What << "\n";
  };
  for (const LegacyMapDefinition &M : Prepass.LegacyMaps)
    Note("legacy map '" + M.Name + "' (id " + Twine(M.Id) +
         ") converted to a BTF-defined map");
  for (const std::string &Name : Prepass.StaticPrograms)
    Note("static program '" + Name + "' made global");
  for (const SubstitutedConstant &C : Prepass.Constants)
    Note("constant '" + C.Name + "' = " + Twine(C.Value) +
         (C.SetForRun ? " (--set-constant)" : " (from .rodata.config)") +
         " written into " + Twine(C.Loads) + " load(s)");
}

TreeResults VerifyCommand::runTree(const ConfigurationList &List,
                                   StringRef Label, StringRef OutDir,
                                   bool CanLoad) {
  TreeResults Tree;
  Tree.Label = Label.str();
  std::vector<ObjectBuild> Builds =
      buildConfigurations(Options.Clang, List, OutDir, Options.Jobs);
  StringSet<> FailedConfigurations;
  for (const ObjectBuild &B : Builds) {
    if (B.Succeeded) {
      ++Tree.ObjectsBuilt;
      continue;
    }
    FailedConfigurations.insert(B.Configuration);
    std::string Command;
    for (const std::string &Arg : B.Command)
      Command += (Command.empty() ? "" : " ") + Arg;
    Tree.Failures.push_back(
        {"build", B.Configuration, "", "",
         "building " + sys::path::filename(B.Source).str() + " failed",
         "in " + List.BaseDir + ":\n" + Command + "\n" +
             lastLogLines(B.Output, BuildOutputLines)});
  }
  Tree.ConfigurationsBuilt =
      List.Configurations.size() - FailedConfigurations.size();
  if (!CanLoad)
    return Tree;
  for (const ObjectBuild &B : Builds)
    if (B.Succeeded)
      loadAndRun(B, Tree);
  return Tree;
}

void VerifyCommand::checkSites() {
  StringSet<> FixedKinds;
  for (StringRef Kind : Options.FixedKinds.empty()
                            ? std::vector<StringRef>(knownSiteKinds().begin(),
                                                     knownSiteKinds().end())
                            : std::vector<StringRef>(Options.FixedKinds.begin(),
                                                     Options.FixedKinds.end()))
    FixedKinds.insert(Kind);
  if (Differential) {
    // The fixed sites first: a silent missed tail call they notify after
    // the fix is a change the comparison must not fail.
    std::vector<Failure> FixedSiteFailures;
    Attribution Fixed;
    if (!Report.FixedSites.empty())
      Fixed = attributeToFixedSites(FixedSiteFailures);
    Report.Comparison =
        compareTrees(Report.Trees[0], Report.Trees[1], Report.Sites, FixedKinds,
                     Fixed.NotifiedMisses);
    Report.SiteChecks = Report.Comparison->SiteChecks;
    for (const Failure &F : Report.Comparison->Failures)
      Report.Failures.push_back(F);
    Report.FixedSiteChecks = std::move(Fixed.Checks);
    for (Failure &F : FixedSiteFailures)
      Report.Failures.push_back(std::move(F));
    for (Failure &F : PendingMisses)
      if (!Fixed.NotifiedMisses.count({F.Configuration, F.Program, F.Packet}))
        Report.Trees[1].Failures.push_back(std::move(F));
  } else {
    for (const IntendedSite &Site : Report.Sites)
      for (const std::string &Config : Site.Configurations)
        Report.SiteChecks.push_back(
            checkSiteReached(Site, Config, Report.Trees[0]));
  }
  // Why a site of a program left out cannot be proven.
  if (Differential)
    for (SiteCheck &C : Report.SiteChecks)
      if (C.Status == SiteStatus::Unverified && !C.Before &&
          Report.Trees.front().leavesOut(C.Configuration, C.Program))
        C.Detail =
            Report.Trees.front().isNonDeterministic(C.Configuration, C.Program)
                ? "the program is non-deterministic in the original "
                  "tree"
                : "the kernel rejected the program in the original "
                  "tree";
  for (const SiteCheck &C : Report.SiteChecks)
    if (isFailingStatus(C.Status))
      Report.Failures.push_back({"site", C.Configuration, C.Program, C.Packet,
                                 "site '" + C.SiteId + "' (" + C.Location +
                                     ") is " + siteStatusName(C.Status).str() +
                                     ": " + C.Detail,
                                 ""});
}

/// Fixed sites may name their direction (METRIC_EGRESS) without its value:
/// it is an enumerator of the fixed objects, in BTF or DWARF.
void VerifyCommand::resolveDirectionNames(const LoadedObject &Object,
                                          StringRef Path) {
  if (none_of(Report.FixedSites, [](const FixedSite &S) {
        return !S.DirectionValue && !S.Direction.empty();
      }))
    return;
  std::unique_ptr<DwarfTypes> Dwarf;
  resolveDirections(
      Report.FixedSites, [&](StringRef Name) -> std::optional<int64_t> {
        if (std::optional<int64_t> V =
                enumeratorFromBtf(bpf_object__btf(Object.object()), Name))
          return V;
        if (!Dwarf) {
          Expected<std::unique_ptr<DwarfTypes>> Opened = DwarfTypes::open(Path);
          if (!Opened) {
            consumeError(Opened.takeError());
            return std::nullopt;
          }
          Dwarf = std::move(*Opened);
        }
        return Dwarf->enumerator(Name);
      });
}

/// The file ids the fixed tree's notifications carry, from its profile's
/// header, looked for in the configuration list's directory and above.
static std::map<uint32_t, std::string>
readFileIds(StringRef BaseDir, const DatapathProfile &Profile,
            std::string &Found) {
  SmallString<256> Dir(BaseDir);
  for (unsigned Up = 0; Up < 2 && !Dir.empty(); ++Up) {
    for (const std::string &Name : Profile.FileIdsHeaders) {
      SmallString<256> Header(Dir);
      sys::path::append(Header, Name);
      if (ErrorOr<std::unique_ptr<MemoryBuffer>> Text =
              MemoryBuffer::getFile(Header, /*IsText=*/true)) {
        Found = std::string(Header);
        return parseFileIds((*Text)->getBuffer());
      }
    }
    Dir = sys::path::parent_path(Dir);
  }
  return {};
}

Attribution
VerifyCommand::attributeToFixedSites(std::vector<Failure> &Failures) {
  std::map<uint32_t, std::string> FileIds;
  std::string Header;
  if (AfterProfile)
    FileIds = readFileIds(Lists[1].BaseDir, *AfterProfile, Header);
  if (FileIds.empty())
    Failures.push_back(
        {"fixed-site", "", "", "",
         "cannot attribute notified drops to the fixed sites: no file id "
         "table (" +
             (AfterProfile
                  ? "profile '" + AfterProfile->Name + "' names header(s) " +
                        join(AfterProfile->FileIdsHeaders, ", ")
                  : std::string("no datapath profile")) +
             ": not found next to the configuration list or one directory "
             "up, or without ids)",
         ""});
  else if (Options.Verbose)
    errs() << ToolName << ": note: file ids from " << Header << "\n";
  std::set<std::string> Broken = brokenConfigurations(Report.Trees[0]);
  for (const std::string &Config : brokenConfigurations(Report.Trees[1]))
    Broken.insert(Config);
  Attribution A = attributeFixedDrops(Report.Trees[0], Report.Trees[1],
                                      Report.FixedSites, FileIds, Broken);
  for (Failure &F : A.Failures)
    Failures.push_back(std::move(F));
  A.Failures.clear();
  return A;
}

int VerifyCommand::run() {
  if (Error E = readInputs())
    return inputError(toString(std::move(E)));

  // Open the JSON report now: a bad path should not cost a whole run. A
  // file is replaced whole at the end (support/OutputFile): an interrupted
  // or failed run leaves the previous report as it was; a device or a pipe
  // (/dev/null, a process substitution) is written as it is.
  std::optional<OutputFile> JsonOut;
  if (!Options.JsonFile.empty() && Options.JsonFile != "-") {
    Expected<OutputFile> File = OutputFile::open("--json", Options.JsonFile);
    if (!File)
      return inputError(toString(File.takeError()));
    JsonOut.emplace(std::move(*File));
  }

  SmallString<256> OutDir(Options.OutDir);
  bool RemoveOutDir = OutDir.empty();
  if (RemoveOutDir) {
    if (std::error_code EC =
            sys::fs::createUniqueDirectory("bpf-tidy-verify", OutDir))
      return inputError("cannot create a temporary directory: " + EC.message());
  }
  // A temporary output directory goes on SIGINT/SIGTERM too.
  std::optional<ScopedRemoveOnSignal> OutDirOnSignal;
  if (RemoveOutDir)
    OutDirOnSignal.emplace(OutDir);

  ProbeResult Probe = probeBpfLoad();
  bool CanLoad = Probe.Result == ProbeResult::CanLoad;
  if (CanLoad && Options.PinMaps) {
    Expected<std::unique_ptr<PrivateBpffs>> Mounted = PrivateBpffs::mount();
    if (!Mounted) {
      if (RemoveOutDir)
        sys::fs::remove_directories(OutDir);
      errs() << ToolName << ": error: " << toString(Mounted.takeError())
             << "\n";
      return ExitFailure;
    }
    Bpffs = std::move(*Mounted);
  }
  for (size_t I = 0; I < Lists.size(); ++I) {
    StringRef Label = Differential ? (I == 0 ? "before" : "after") : "";
    SmallString<256> TreeDir(OutDir);
    if (Differential)
      sys::path::append(TreeDir, Label);
    Report.Trees.push_back(runTree(Lists[I], Label, TreeDir, CanLoad));
  }
  if (CanLoad) {
    // A misspelt --set-constant would otherwise change nothing, silently.
    for (const auto &[Name, Value] : Options.Constants)
      if (!ConstantsLoaded.contains(Name))
        errs() << ToolName << ": warning: --set-constant " << Name
               << ": no loaded program reads constant '" << Name << "' ("
               << AgentConstantPrefix << Name << " in " << AgentConstantSection
               << ")\n";
    checkSites();
  } else {
    Report.Skipped = "loading, verifier checks and packet runs (" +
                     Probe.Message + "); only the build ran";
    if (loadingMustWork())
      Report.Failures.push_back(
          {"load", "", "", "",
           "CI=true: loading must work there (CI runs as root), so not "
           "being able to load BPF fails the run",
           ""});
  }

  Report.ExitCode = exitCode(Probe);
  printReport(outs(), Report, Options.Verbose);
  if (JsonOut) {
    std::string Json = formatv("{0:2}", reportToJson(Report)).str() + "\n";
    Error E = JsonOut->write(Json);
    if (!E)
      E = JsonOut->commit();
    if (E) {
      errs() << ToolName << ": error: " << toString(std::move(E)) << "\n";
      Report.ExitCode = ExitFailure;
    }
  } else if (!Options.JsonFile.empty()) {
    outs() << formatv("{0:2}", reportToJson(Report)) << "\n";
  }
  Bpffs.reset();
  if (RemoveOutDir)
    sys::fs::remove_directories(OutDir);
  outs().flush();
  if (!Report.Skipped.empty())
    errs() << ToolName << ": " << Probe.Message
           << "; built only, skipped loading and running\n";
  return Report.ExitCode;
}

int VerifyCommand::exitCode(const ProbeResult &Probe) {
  if (Report.failureCount())
    return ExitFailure;
  if (Probe.Result == ProbeResult::CanLoad)
    return ExitSuccess;
  return Probe.Result == ProbeResult::NoPrivilege ? ExitNoPrivilege
                                                  : ExitFailure;
}

} // namespace

/// Runs verify on a whole command line whose options live under \p Sub.
static int runVerify(int argc, const char **argv, cl::SubCommand &Sub,
                     StringRef ToolName) {
  // libbpf prints through this callback from its first call on.
  bool Verbose = false;
  for (int I = 1; I < argc; ++I)
    Verbose |= StringRef(argv[I]) == "--verbose" || StringRef(argv[I]) == "-v";
  installLibbpfPrint(Verbose);

  Expected<VerifyOptions> Options =
      parseVerifyOptions(ArrayRef<const char *>(argv, argv + argc), Sub);
  if (!Options) {
    errs() << ToolName << ": error: " << toString(Options.takeError())
           << "\nRun '" << ToolName << " --help' for usage.\n";
    return ExitUsage;
  }
  if (Options->RunMode == VerifyOptions::Mode::Probe) {
    ProbeResult Probe = probeBpfLoad();
    if (Probe.Result == ProbeResult::CanLoad) {
      outs() << ToolName << ": " << Probe.Message << "\n";
      return ExitSuccess;
    }
    errs() << ToolName << ": " << probeFailureMessage(Probe) << "\n";
    return Probe.Result == ProbeResult::NoPrivilege && !loadingMustWork()
               ? ExitNoPrivilege
               : ExitFailure;
  }
  return VerifyCommand(ToolName, std::move(*Options)).run();
}

int verifyMain(int argc, const char **argv) {
  std::string ToolName =
      argc > 0 ? sys::path::filename(argv[0]).str() : "bpf-tidy-verify";
  return runVerify(argc, argv, cl::SubCommand::getTopLevel(), ToolName);
}

int verifySubcommandMain(int argc, const char **argv) {
  std::string ToolName =
      (argc > 0 ? sys::path::filename(argv[0]).str() : "bpf-tidy") + " verify";
  return runVerify(argc, argv, verifySubCommand(), ToolName);
}

} // namespace bpftidy::verify
