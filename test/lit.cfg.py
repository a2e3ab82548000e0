# lit configuration for bpf-tidy: FileCheck tests of the checks and fixes
# (*.c), end-to-end and command-line tests (*.test). The GoogleTest unit
# tests are a suite of their own (unit/lit.site.cfg.py.in).
import os
import subprocess

import lit.formats
import lit.util

config.name = "bpf-tidy"
config.test_format = lit.formats.ShTest(not lit.util.which("bash"))
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "unit", "tools", "fuzz", "lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)

# Tests see the toolchain first, and the build's binaries.
bin_dir = os.path.join(config.bpf_tidy_obj_root, "bin")
config.environment["PATH"] = os.pathsep.join(
    [bin_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
for var in ("CI", "HOME", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

tools = os.path.join(config.bpf_tidy_src_root, "test", "tools")
config.substitutions.append(("%bpf_src", config.bpf_tidy_src_root))
config.substitutions.append(("%bpf_obj", config.bpf_tidy_obj_root))
config.substitutions.append(("%bpf_tidy_repository", config.bpf_tidy_repository))
config.substitutions.append(("%python", config.python))
config.substitutions.append(
    ("%expect_exit", "%s %s" % (config.python, os.path.join(tools, "expect_exit.py"))))
# The driver is told where every tool is; it fails clearly if one is missing.
config.substitutions.append(
    ("%check_bpf_tidy", " ".join([
        config.python, os.path.join(tools, "check_bpf_tidy.py"),
        "--bpf-tidy=" + os.path.join(bin_dir, "bpf-tidy"),
        "--clang-tidy=" + config.clang_tidy,
        "--module=" + config.bpf_tidy_module,
        "--filecheck=" + os.path.join(config.llvm_tools_dir, "FileCheck"),
        "--clang=" + config.clang])))
config.substitutions.append(("%bpf_tidy_module", config.bpf_tidy_module))
config.substitutions.append(("%clang_bpf", "%s -target bpf -I/usr/include/x86_64-linux-gnu" % config.clang))
config.substitutions.append(("%clang-tidy", config.clang_tidy))

# The sanitized build (BPF_TIDY_SANITIZE=ON, build-asan/): the first error
# stops the program, with a symbolized stack (llvm-symbolizer is on PATH).
if config.sanitize:
    config.available_features.add("asan")
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1"

# Loading BPF needs privilege (CAP_BPF / CAP_SYS_ADMIN). Ask the loader
# itself: it loads a trivial program, and exits 77 when it may not.
verify = os.path.join(bin_dir, "bpf-tidy-verify")
if os.path.exists(verify):
    probe = subprocess.run([verify, "--probe"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    if probe.returncode == 0:
        config.available_features.add("bpf-load")
if os.environ.get("CI") == "true":
    config.available_features.add("ci")
if lit.util.which("pre-commit"):
    config.available_features.add("pre-commit")
# JSON Schema validation (docs/schemas/) with Debian's python3-jsonschema.
if subprocess.run([config.python, "-c", "import jsonschema"],
                  stdout=subprocess.DEVNULL,
                  stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("jsonschema")

# Validators from npm, each cached in the build tree: Microsoft's SARIF
# validator, a schema validator for GitHub Actions files (action.yml), and
# a Dockerfile linter.
def _npm_tool(package, command):
    return subprocess.run(
        [config.python, os.path.join(tools, "install_npm_tool.py"),
         os.path.join(config.bpf_tidy_obj_root, "test", "npm-cache", command),
         package, command],
        stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()

for feature, package, command in [
        ("sarif-multitool", "@microsoft/sarif-multitool", "sarif-multitool"),
        ("action-validator", "@action-validator/cli@0.6.0", "action-validator"),
        ("dockerfile-utils", "dockerfile-utils@0.16.3", "dockerfile-utils")]:
    tool = _npm_tool(package, command)
    if tool:
        config.available_features.add(feature)
        config.substitutions.append(("%" + feature.replace("-", "_"), tool))

# Tests run as root, where file modes do not stop writes; an immutable file
# (chattr +i) does. Probe whether this file system supports it.
def _can_make_immutable():
    import tempfile
    try:
        with tempfile.NamedTemporaryFile(dir=config.bpf_tidy_obj_root) as f:
            if subprocess.run(["chattr", "+i", f.name], stderr=subprocess.DEVNULL).returncode:
                return False
            subprocess.run(["chattr", "-i", f.name], stderr=subprocess.DEVNULL)
            return True
    except OSError:
        return False

if _can_make_immutable():
    config.available_features.add("chattr")

# Disk full is a small tmpfs, mounted by the test (needs CAP_SYS_ADMIN).
def _can_mount_tmpfs():
    import tempfile
    try:
        directory = tempfile.mkdtemp(dir=config.bpf_tidy_obj_root)
    except OSError:
        return False
    try:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", directory],
                          stderr=subprocess.DEVNULL).returncode:
            return False
        subprocess.run(["umount", directory], stderr=subprocess.DEVNULL)
        return True
    finally:
        os.rmdir(directory)

if _can_mount_tmpfs():
    config.available_features.add("mount-tmpfs")

# Extended attributes and POSIX ACLs (setfattr, setfacl) on the build's file
# system.
def _has_xattrs():
    import tempfile
    if not (lit.util.which("setfattr") and lit.util.which("setfacl")):
        return False
    try:
        with tempfile.NamedTemporaryFile(dir=config.bpf_tidy_obj_root) as f:
            return not (subprocess.run(["setfattr", "-n", "user.probe", "-v", "1", f.name],
                                       stderr=subprocess.DEVNULL).returncode or
                        subprocess.run(["setfacl", "-m", "u:nobody:r", f.name],
                                       stderr=subprocess.DEVNULL).returncode)
    except OSError:
        return False

if _has_xattrs():
    config.available_features.add("xattr")

# A mirror of Cilium's history (bench/fix-corpus.py's real corpus): only the
# test of its --quick run needs it.
cilium_mirror = os.environ.get("CILIUM_MIRROR", "/work/.mirror/devodev+cilium/repo")
if os.path.isdir(cilium_mirror):
    config.available_features.add("cilium-mirror")
    config.environment["CILIUM_MIRROR"] = cilium_mirror
