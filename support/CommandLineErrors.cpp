//===- CommandLineErrors.cpp - llvm::cl parses that return an Error -------===//

#include "support/CommandLineErrors.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace bpftidy {

Error parseCommandLine(ArrayRef<const char *> Argv, StringRef Overview,
                       cl::SubCommand &Sub) {
  // A second parse in one process (migrate runs verify) starts afresh.
  cl::ResetAllOptionOccurrences();
  std::string Messages;
  raw_string_ostream Errs(Messages);
  if (cl::ParseCommandLineOptions(int(Argv.size()), Argv.data(), Overview,
                                  &Errs)) {
    if (&Sub == &cl::SubCommand::getTopLevel())
      return Error::success();
    for (const auto &[Name, Option] :
         cl::getRegisteredOptions(cl::SubCommand::getTopLevel()))
      if (Option->getNumOccurrences() && !is_contained(Option->Subs, &Sub))
        return createStringError(inconvertibleErrorCode(),
                                 "'-" + Twine(Name.size() > 1 ? "-" : "") +
                                     Name + "' is not an option of " +
                                     Sub.getName());
    return Error::success();
  }
  // Some of llvm::cl's messages (a missing or bad value) go straight to
  // stderr; the others lose the "program: " prefix our caller puts back.
  std::string Why;
  std::string Prefix = (sys::path::filename(Argv[0]) + ": ").str();
  SmallVector<StringRef, 4> Lines;
  StringRef(Messages).trim().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    Line.consume_front(Prefix);
    Why += (Why.empty() ? "" : "\n") + Line.str();
  }
  if (Why.empty())
    Why = "the command line is not valid (see above)";
  return createStringError(inconvertibleErrorCode(), Why);
}

} // namespace bpftidy
