//===- IrCompiler.cpp -----------------------------------------------------===//

#include "audit/IrCompiler.h"
#include "analyzer/checks/BareDropFinder.h"
#include "analyzer/core/NamePattern.h"
#include "audit/CheckConfiguration.h"
#include "audit/NoLint.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/SourceManager.h"
#include "clang/CodeGen/CodeGenAction.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace bpftidy::audit {

void initializeBpfTarget() {
  LLVMInitializeBPFTargetInfo();
  LLVMInitializeBPFTarget();
  LLVMInitializeBPFTargetMC();
}

std::vector<std::string> irCommandLine(const AnalysisUnit &Unit) {
  std::vector<std::string> Line = Unit.Command.CommandLine;
  if (Line.empty())
    return Line;
  // Where the real build's flags are: first, so the unit's own win.
  Line.insert(Line.begin() + 1, {"-O2", "-g"});
  // The tool is not installed beside clang: name clang's own headers.
  if (llvm::none_of(Line, [](llvm::StringRef Arg) {
        return Arg.starts_with("-resource-dir");
      }))
    Line.insert(Line.begin() + 1, "-resource-dir=" BPF_TIDY_CLANG_RESOURCE_DIR);
  return Line;
}

/// The value a macro body spells as a plain integer: "-134", "(-134)",
/// "-(134)". Nothing else (other macros, expressions) is read.
static std::optional<int64_t> macroValue(const MacroInfo &Macro,
                                         const Preprocessor &PP) {
  bool Negative = false;
  std::optional<int64_t> Value;
  for (const Token &T : Macro.tokens()) {
    if (T.isOneOf(tok::l_paren, tok::r_paren))
      continue;
    if (T.is(tok::minus) && !Value) {
      Negative = !Negative;
      continue;
    }
    if (!T.is(tok::numeric_constant) || Value)
      return std::nullopt;
    llvm::StringRef Text(T.getLiteralData(), T.getLength());
    Text = Text.rtrim("uUlL");
    uint64_t Magnitude;
    if (Text.getAsInteger(0, Magnitude))
      return std::nullopt;
    Value = int64_t(Magnitude);
  }
  if (!Value)
    return std::nullopt;
  return Negative ? -*Value : *Value;
}

/// The drop reasons the unit defines: macros and enumerators whose names
/// match the drop reason pattern, by value.
static std::map<int64_t, std::vector<std::string>>
readReasonNames(Preprocessor &PP, ASTContext &Context,
                const Conventions &Options) {
  NamePattern Pattern(Options.DropReasonPattern);
  std::map<int64_t, std::vector<std::string>> Names;
  for (const auto &[Name, State] : PP.macros(/*IncludeExternalMacros=*/false)) {
    if (!Pattern.match(Name->getName()))
      continue;
    const MacroInfo *Macro = PP.getMacroInfo(Name);
    if (!Macro || Macro->isFunctionLike())
      continue;
    if (std::optional<int64_t> Value = macroValue(*Macro, PP))
      Names[*Value].push_back(Name->getName().str());
  }
  for (const Decl *D : Context.getTranslationUnitDecl()->decls())
    if (const auto *Enum = dyn_cast<EnumDecl>(D))
      for (const EnumConstantDecl *C : Enum->enumerators())
        if (Pattern.match(C->getName()))
          Names[C->getInitVal().getSExtValue()].push_back(C->getName().str());
  for (auto &[Value, List] : Names) {
    llvm::sort(List);
    List.erase(std::unique(List.begin(), List.end()), List.end());
  }
  return Names;
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

/// Runs the source analysis of bpf-bare-drop-return on the unit's AST.
static std::vector<SourceFinding>
findSourceBareDrops(ASTContext &Context, const Conventions &Options,
                    const std::map<int64_t, std::vector<std::string>> &Names) {
  std::map<std::string, int64_t> ValueOf;
  for (const auto &[Value, List] : Names)
    for (const std::string &Name : List)
      ValueOf[Name] = Value;
  BareDropFinder Finder(Options, CrossCheckedCheck);
  for (Decl *D : Context.getTranslationUnitDecl()->decls())
    if (auto *F = dyn_cast<FunctionDecl>(D))
      if (F->isThisDeclarationADefinition())
        Finder.addFunction(*F, Context);
  Finder.finish(Context);

  const SourceManager &SM = Context.getSourceManager();
  NoLintReader NoLint(SM, CrossCheckedCheck);
  std::vector<SourceFinding> Findings;
  for (const BareDropSite &Site : Finder.sites()) {
    PresumedLoc Where = SM.getPresumedLoc(Site.Location);
    bool Silenced = NoLint.silences(Site.Location);
    for (const BareDropOccurrence &O : Site.Occurrences) {
      SourceFinding F;
      if (Where.isValid()) {
        F.File = absolutePath(Where.getFilename());
        F.Line = Where.getLine();
        F.Column = Where.getColumn();
      }
      F.Function = O.Function ? O.Function->getName().str() : "";
      F.Silenced = Silenced;
      for (const auto &[Program, Info] : O.Programs)
        F.Programs.push_back(Program->getName().str());
      std::vector<std::string> Reasons = O.Reasons;
      if (O.Kind != BareDropKind::Propagated) {
        if (O.Reason.Value)
          F.Reasons.insert(*O.Reason.Value);
        else
          Reasons.push_back(O.Reason.Name);
      }
      for (const std::string &Name : Reasons) {
        int64_t Value;
        if (auto It = ValueOf.find(Name); It != ValueOf.end())
          F.Reasons.insert(It->second);
        else if (!llvm::StringRef(Name).getAsInteger(0, Value))
          F.Reasons.insert(Value);
        else
          F.UnresolvedReasons.push_back(Name);
      }
      Findings.push_back(std::move(F));
    }
  }
  return Findings;
}

namespace {

/// Reads what the audit needs from the AST before code generation.
class SourceReader : public ASTConsumer {
public:
  SourceReader(Preprocessor &PP, const CompileOptions &Options,
               CompiledUnit &Result)
      : PP(PP), Options(Options), Result(Result) {}

  void HandleTranslationUnit(ASTContext &Context) override {
    if (Context.getDiagnostics().hasErrorOccurred())
      return;
    Result.ReasonNames = readReasonNames(PP, Context, Options.Options);
    if (Options.SourceAnalysis)
      Result.SourceFindings =
          findSourceBareDrops(Context, Options.Options, Result.ReasonNames);
  }

private:
  Preprocessor &PP;
  const CompileOptions &Options;
  CompiledUnit &Result;
};

/// Code generation to an optimised module, with the SourceReader first.
class AuditAction : public EmitLLVMOnlyAction {
public:
  AuditAction(llvm::LLVMContext *Context, const CompileOptions &Options,
              CompiledUnit &Result)
      : EmitLLVMOnlyAction(Context), Options(Options), Result(Result) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    std::unique_ptr<ASTConsumer> Backend =
        EmitLLVMOnlyAction::CreateASTConsumer(CI, InFile);
    if (!Backend)
      return nullptr;
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(
        std::make_unique<SourceReader>(CI.getPreprocessor(), Options, Result));
    Consumers.push_back(std::move(Backend));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  const CompileOptions &Options;
  CompiledUnit &Result;
};

} // namespace

CompiledUnit compileToIr(const AnalysisUnit &Unit,
                         const CompileOptions &Options) {
  CompiledUnit Result;
  std::vector<std::string> Line = irCommandLine(Unit);
  std::vector<const char *> Argv;
  for (const std::string &Arg : Line)
    Argv.push_back(Arg.c_str());

  // Each unit its own file system: its working directory is the command's.
  IntrusiveRefCntPtr<llvm::vfs::FileSystem> FileSystem =
      llvm::vfs::createPhysicalFileSystem();
  if (!Unit.Command.Directory.empty())
    FileSystem->setCurrentWorkingDirectory(Unit.Command.Directory);

  llvm::raw_string_ostream Errors(Result.Errors);
  auto DiagnosticOpts = llvm::makeIntrusiveRefCnt<DiagnosticOptions>();
  DiagnosticOpts->ShowCarets = false;
  auto *Printer = new TextDiagnosticPrinter(Errors, DiagnosticOpts.get());
  IntrusiveRefCntPtr<DiagnosticsEngine> Diagnostics =
      CompilerInstance::createDiagnostics(DiagnosticOpts.get(), Printer);

  CreateInvocationOptions InvocationOptions;
  InvocationOptions.Diags = Diagnostics;
  InvocationOptions.VFS = FileSystem;
  std::shared_ptr<CompilerInvocation> Invocation =
      createInvocation(Argv, InvocationOptions);
  if (!Invocation) {
    if (Result.Errors.empty())
      Result.Errors = "cannot compile '" + Unit.File + "' with '" +
                      llvm::join(Line, " ") + "'\n";
    return Result;
  }
  // Warnings are the build's business, not the audit's (-w).
  Invocation->getDiagnosticOpts().IgnoreWarnings = true;
  Invocation->getDiagnosticOpts().ShowCarets = false;
  Invocation->getFileSystemOpts().WorkingDir = Unit.Command.Directory;
  Invocation->getFrontendOpts().ProgramAction = frontend::EmitLLVMOnly;
  Invocation->getFrontendOpts().OutputFile.clear();
  // The driver asks cc1 to leave the AST and Sema to the process's exit
  // (-disable-free); the audit compiles many units in one process, so each
  // is freed when done (and LeakSanitizer stays quiet).
  Invocation->getFrontendOpts().DisableFree = false;

  CompilerInstance Compiler;
  Compiler.setInvocation(std::move(Invocation));
  Compiler.createDiagnostics(Printer, /*ShouldOwnClient=*/false);
  Compiler.createFileManager(FileSystem);

  Result.Context = std::make_unique<llvm::LLVMContext>();
  AuditAction Action(Result.Context.get(), Options, Result);
  bool Compiled = Compiler.ExecuteAction(Action);
  Result.Module = Action.takeModule();
  Errors.flush();
  if ((!Compiled || !Result.Module) && Result.Errors.empty())
    Result.Errors = "'" + Unit.File + "' did not compile\n";
  if (!Result.Errors.empty())
    Result.Module.reset();
  return Result;
}

} // namespace bpftidy::audit
