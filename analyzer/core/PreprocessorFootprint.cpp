//===- PreprocessorFootprint.cpp ------------------------------------------===//

#include "analyzer/core/PreprocessorFootprint.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace bpftidy {

static thread_local llvm::StringSet<> *CurrentSink = nullptr;
/// The preprocessor already recording into CurrentSink: every bpf-* check
/// asks, the first one attaches.
static thread_local const Preprocessor *Recording = nullptr;

void setFootprintSink(llvm::StringSet<> *Sink) {
  CurrentSink = Sink;
  Recording = nullptr;
}
llvm::StringSet<> *footprintSink() { return CurrentSink; }

namespace {
/// Names the preprocessor looks up in directives, and the identifiers of
/// the token stream. Identifiers are kept as pointers while lexing (a
/// hash of a pointer per token) and turned into names once, at the end.
class FootprintCallbacks : public PPCallbacks {
public:
  FootprintCallbacks(llvm::StringSet<> &Sink, const Preprocessor &PP)
      : Sink(Sink), PP(PP), SM(PP.getSourceManager()), LO(PP.getLangOpts()) {}

  llvm::DenseSet<const IdentifierInfo *> Seen;

  void MacroExpands(const Token &Name, const MacroDefinition &MD, SourceRange,
                    const MacroArgs *Args) override {
    add(Name);
    // An argument can be pasted or stringized before it is expanded
    // (is_defined(ENABLE_X) pastes it into __ARG_PLACEHOLDER_ENABLE_X), so
    // it never reaches the token stream: its names count here.
    const MacroInfo *Macro = MD.getMacroInfo();
    if (!Args || !Macro)
      return;
    for (unsigned I = 0, E = Macro->getNumParams(); I < E; ++I)
      for (const Token *Tok = Args->getUnexpArgument(I);
           Tok && Tok->isNot(tok::eof); ++Tok)
        if (!Tok->isAnnotation())
          if (const IdentifierInfo *Id = Tok->getIdentifierInfo())
            Seen.insert(Id);
  }
  // A definition from a -D flag is no use of the name: the flags are
  // what configurations compare.
  void MacroDefined(const Token &Name, const MacroDirective *) override {
    if (!fromCommandLine(Name))
      add(Name);
  }
  void MacroUndefined(const Token &Name, const MacroDefinition &,
                      const MacroDirective *) override {
    if (!fromCommandLine(Name))
      add(Name);
  }
  void Defined(const Token &Name, const MacroDefinition &,
               SourceRange) override {
    add(Name);
  }
  void Ifdef(SourceLocation, const Token &Name,
             const MacroDefinition &) override {
    add(Name);
  }
  void Ifndef(SourceLocation, const Token &Name,
              const MacroDefinition &) override {
    add(Name);
  }
  void Elifdef(SourceLocation, const Token &Name,
               const MacroDefinition &) override {
    add(Name);
  }
  void Elifndef(SourceLocation, const Token &Name,
                const MacroDefinition &) override {
    add(Name);
  }
  // `#if FOO > 1` reads FOO as 0 when it is no macro: no other callback
  // sees it, so every identifier of the condition counts.
  void If(SourceLocation, SourceRange Condition, ConditionValueKind) override {
    addIdentifiersIn(Condition);
  }
  void Elif(SourceLocation, SourceRange Condition, ConditionValueKind,
            SourceLocation) override {
    addIdentifiersIn(Condition);
  }
  void EndOfMainFile() override {
    for (const IdentifierInfo *Id : Seen)
      Sink.insert(Id->getName());
    Seen.clear();
  }

private:
  bool fromCommandLine(const Token &Name) const {
    return SM.getFileID(SM.getExpansionLoc(Name.getLocation())) ==
           PP.getPredefinesFileID();
  }
  void add(const Token &Name) {
    if (const IdentifierInfo *Id = Name.getIdentifierInfo())
      Seen.insert(Id);
  }
  void addIdentifiersIn(SourceRange Range) {
    CharSourceRange Chars =
        Lexer::makeFileCharRange(CharSourceRange::getTokenRange(Range), SM, LO);
    if (Chars.isInvalid())
      return;
    StringRef Text = Lexer::getSourceText(Chars, SM, LO);
    Lexer Raw(Chars.getBegin(), LO, Text.begin(), Text.begin(), Text.end());
    Token Tok;
    bool More = true;
    while (More) {
      More = !Raw.LexFromRawLexer(Tok);
      if (Tok.is(tok::raw_identifier))
        Sink.insert(Tok.getRawIdentifier());
    }
  }

  llvm::StringSet<> &Sink;
  const Preprocessor &PP;
  const SourceManager &SM;
  const LangOptions &LO;
};
} // namespace

void recordFootprint(Preprocessor &PP) {
  llvm::StringSet<> *Sink = CurrentSink;
  if (!Sink || Recording == &PP)
    return;
  Recording = &PP;
  auto Callbacks = std::make_unique<FootprintCallbacks>(*Sink, PP);
  // Every name in the token stream the parser sees: a name that is no macro
  // here would be expanded where another configuration defines it.
  llvm::DenseSet<const IdentifierInfo *> *Seen = &Callbacks->Seen;
  PP.setTokenWatcher([Seen](const Token &Tok) {
    // Annotation tokens (the parser's) carry no identifier.
    if (Tok.isAnnotation())
      return;
    if (const IdentifierInfo *Id = Tok.getIdentifierInfo())
      Seen->insert(Id);
  });
  PP.addPPCallbacks(std::move(Callbacks));
}

} // namespace bpftidy
