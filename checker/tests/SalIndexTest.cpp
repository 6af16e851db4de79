// The SAL index on headers written the WDK way: annotations nested through
// several macro layers that end in nothing.
#include "frontend/SalIndex.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

#include <functional>

using namespace clang;

namespace vmbcheck {
namespace {

using Query = std::function<void(ASTContext &, const SalIndex &)>;

class QueryAction : public ASTFrontendAction {
public:
  explicit QueryAction(Query Q) : Q(std::move(Q)) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
    struct Consumer : ASTConsumer {
      std::shared_ptr<SalIndex> Idx;
      Query Q;
      void HandleTranslationUnit(ASTContext &Ctx) override { Q(Ctx, *Idx); }
    };
    auto C = std::make_unique<Consumer>();
    C->Idx = SalIndex::attach(CI.getPreprocessor());
    C->Q = Q;
    return C;
  }

private:
  Query Q;
};

void runOn(const std::string &Code, Query Q) {
  std::vector<std::string> Args = {"--target=x86_64-pc-windows-msvc", "-I" VMBCHECK_REPO "/testdata/include",
                                   "-resource-dir=" VMBCHECK_RESOURCE_DIR};
  bool Ran = false;
  Query Wrapped = [&](ASTContext &Ctx, const SalIndex &Idx) {
    Ran = true;
    Q(Ctx, Idx);
  };
  ASSERT_TRUE(tooling::runToolOnCodeWithArgs(std::make_unique<QueryAction>(Wrapped), Code, Args,
                                             "input.c"));
  ASSERT_TRUE(Ran);
}

template <typename T> const T *find(ASTContext &Ctx, llvm::StringRef Name) {
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (auto *N = dyn_cast<T>(D); N && N->getName() == Name)
      return N;
  return nullptr;
}

const SalAnnotation *named(const std::vector<SalAnnotation> &As, llvm::StringRef Name) {
  for (const SalAnnotation &A : As)
    if (A.Name == Name)
      return &A;
  return nullptr;
}

TEST(SalIndex, RoleTypedefCarriesFunctionClassAndLevel) {
  runOn("#include <vmbuskernelmodeclientlibapi.h>\n", [](ASTContext &Ctx, const SalIndex &Idx) {
    const auto *TD = find<TypedefNameDecl>(Ctx, "EVT_VMB_CHANNEL_SAVE_PACKET");
    ASSERT_TRUE(TD);
    auto As = Idx.annotationsOf(TD);
    const SalAnnotation *FC = named(As, "_Function_class_");
    ASSERT_TRUE(FC);
    ASSERT_EQ(FC->Args.size(), 1u);
    EXPECT_EQ(FC->Args[0].Text, "EVT_VMB_CHANNEL_SAVE_PACKET");
    const SalAnnotation *Irql = named(As, "_IRQL_requires_");
    ASSERT_TRUE(Irql);
    ASSERT_EQ(Irql->Args.size(), 1u);
    EXPECT_EQ(Irql->Args[0].Text, "PASSIVE_LEVEL");
    ASSERT_TRUE(Irql->Args[0].Value.has_value());
    EXPECT_EQ(*Irql->Args[0].Value, 0);
    // Parameter annotations stay with their parameters.
    EXPECT_FALSE(named(As, "_In_"));
    EXPECT_FALSE(named(As, "_Out_writes_bytes_"));
  });
}

TEST(SalIndex, ParametersOfATypedefPrototype) {
  runOn("#include <vmbuskernelmodeclientlibapi.h>\n"
        "EVT_VMB_CHANNEL_SAVE_PACKET MySave;\n",
        [](ASTContext &Ctx, const SalIndex &Idx) {
          const auto *FD = find<FunctionDecl>(Ctx, "MySave");
          ASSERT_TRUE(FD);
          auto Buf = Idx.parameterAnnotations(FD, 2);
          ASSERT_EQ(Buf.size(), 1u);
          EXPECT_EQ(Buf[0].Name, "_Out_writes_bytes_");
          ASSERT_EQ(Buf[0].Args.size(), 1u);
          EXPECT_EQ(Buf[0].Args[0].Text, "SaveBufSize");
          auto Size = Idx.parameterAnnotations(FD, 3);
          ASSERT_EQ(Size.size(), 1u);
          EXPECT_EQ(Size[0].Name, "_In_");
          EXPECT_TRUE(Size[0].Args.empty());
          auto Needed = Idx.parameterAnnotations(FD, 4);
          ASSERT_EQ(Needed.size(), 1u);
          EXPECT_EQ(Needed[0].Name, "_Out_");
          // Function annotations come through the role typedef.
          EXPECT_TRUE(named(Idx.functionAnnotations(FD), "_IRQL_requires_"));
        });
}

TEST(SalIndex, LevelsResolveThroughTheTranslationUnitsMacros) {
  runOn("#define MY_LOCK_LEVEL (DISPATCH_LEVEL + 0)\n"
        "#define DISPATCH_LEVEL 2\n"
        "#include <driverspecs.h>\n"
        "_IRQL_requires_max_(MY_LOCK_LEVEL) void f(void);\n"
        "_IRQL_requires_min_(APC_LEVEL) void g(void);\n",
        [](ASTContext &Ctx, const SalIndex &Idx) {
          auto F = Idx.annotationsOf(find<FunctionDecl>(Ctx, "f"));
          ASSERT_EQ(F.size(), 1u);
          EXPECT_EQ(F[0].Args[0].Text, "MY_LOCK_LEVEL");
          ASSERT_TRUE(F[0].Args[0].Value);
          EXPECT_EQ(*F[0].Args[0].Value, 2);
          // APC_LEVEL is not defined by this TU: the kernel's value applies.
          auto G = Idx.annotationsOf(find<FunctionDecl>(Ctx, "g"));
          ASSERT_EQ(G.size(), 1u);
          ASSERT_TRUE(G[0].Args[0].Value);
          EXPECT_EQ(*G[0].Args[0].Value, 1);
        });
}

TEST(SalIndex, WhenKeepsConditionAndNestedAnnotation) {
  runOn("#include <wdm.h>\n", [](ASTContext &Ctx, const SalIndex &Idx) {
    const auto *FD = find<FunctionDecl>(Ctx, "KeSetEvent");
    ASSERT_TRUE(FD);
    auto As = Idx.annotationsOf(FD);
    ASSERT_EQ(As.size(), 3u); // the third _When_ carries __drv_reportError
    EXPECT_EQ(As[0].Name, "_When_");
    ASSERT_EQ(As[0].Args.size(), 2u);
    EXPECT_EQ(As[0].Args[0].Text, "Wait==0");
    ASSERT_EQ(As[0].Nested.size(), 1u);
    EXPECT_EQ(As[0].Nested[0].Name, "_IRQL_requires_max_");
    ASSERT_TRUE(As[0].Nested[0].Args[0].Value);
    EXPECT_EQ(*As[0].Nested[0].Args[0].Value, 2);
    EXPECT_EQ(*As[1].Nested[0].Args[0].Value, 1);
  });
}

TEST(SalIndex, DeclspecBetweenAnnotationAndType) {
  runOn("#include <wdm.h>\n", [](ASTContext &Ctx, const SalIndex &Idx) {
    auto As = Idx.annotationsOf(find<FunctionDecl>(Ctx, "KeAcquireSpinLockAtDpcLevel"));
    ASSERT_EQ(As.size(), 3u);
    EXPECT_EQ(As[0].Name, "_Requires_lock_not_held_");
    EXPECT_EQ(As[1].Name, "_Acquires_lock_");
    EXPECT_EQ(As[2].Name, "_IRQL_requires_min_");
    EXPECT_EQ(*As[2].Args[0].Value, 2);
    auto Raise = Idx.annotationsOf(find<FunctionDecl>(Ctx, "KeAcquireSpinLockRaiseToDpc"));
    EXPECT_TRUE(named(Raise, "_IRQL_saves_"));
    EXPECT_TRUE(named(Raise, "_IRQL_raises_"));
    EXPECT_TRUE(named(Raise, "_IRQL_requires_max_"));
  });
}

TEST(SalIndex, AnnotationThatProducesTokensIsNotRecorded) {
  runOn("#define _Const_ const\n"
        "#define _Nothing_\n"
        "_Const_ int a;\n"
        "_Nothing_ int b;\n",
        [](ASTContext &Ctx, const SalIndex &Idx) {
          EXPECT_TRUE(Idx.annotationsOf(find<VarDecl>(Ctx, "a")).empty());
          auto B = Idx.annotationsOf(find<VarDecl>(Ctx, "b"));
          ASSERT_EQ(B.size(), 1u);
          EXPECT_EQ(B[0].Name, "_Nothing_");
        });
}

TEST(SalIndex, AnnotationsDoNotLeakToTheNextDeclaration) {
  runOn("#include <sal.h>\n"
        "void f(_In_ int a, int b);\n"
        "int c;\n",
        [](ASTContext &Ctx, const SalIndex &Idx) {
          const auto *F = find<FunctionDecl>(Ctx, "f");
          EXPECT_TRUE(Idx.annotationsOf(F).empty());
          EXPECT_EQ(Idx.annotationsOf(F->getParamDecl(0)).size(), 1u);
          EXPECT_TRUE(Idx.annotationsOf(F->getParamDecl(1)).empty());
          EXPECT_TRUE(Idx.annotationsOf(find<VarDecl>(Ctx, "c")).empty());
        });
}

TEST(SalIndex, AnnotationAfterTheParameterList) {
  runOn("#include <driverspecs.h>\n"
        "int f(int a) _IRQL_requires_(2);\n"
        "int g(int a);\n",
        [](ASTContext &Ctx, const SalIndex &Idx) {
          auto F = Idx.annotationsOf(find<FunctionDecl>(Ctx, "f"));
          ASSERT_EQ(F.size(), 1u);
          EXPECT_EQ(*F[0].Args[0].Value, 2);
          EXPECT_TRUE(Idx.annotationsOf(find<FunctionDecl>(Ctx, "g")).empty());
        });
}

TEST(SalIndex, PagedCodeMarker) {
  runOn("#include <wdm.h>\n"
        "void pageable(void) { PAGED_CODE(); }\n"
        "void resident(void) { }\n",
        [](ASTContext &Ctx, const SalIndex &Idx) {
          const auto *P = find<FunctionDecl>(Ctx, "pageable");
          const auto *R = find<FunctionDecl>(Ctx, "resident");
          EXPECT_TRUE(Idx.containsMarker("PAGED_CODE", P->getBody()->getSourceRange()));
          EXPECT_FALSE(Idx.containsMarker("PAGED_CODE", R->getBody()->getSourceRange()));
        });
}

TEST(SalIndex, LegacyDriverSpecNames) {
  runOn("#include <driverspecs.h>\n"
        "__drv_maxIRQL(1) void f(void);\n",
        [](ASTContext &Ctx, const SalIndex &Idx) {
          auto F = Idx.annotationsOf(find<FunctionDecl>(Ctx, "f"));
          ASSERT_EQ(F.size(), 1u);
          EXPECT_EQ(F[0].Name, "__drv_maxIRQL");
          EXPECT_EQ(*F[0].Args[0].Value, 1);
        });
}

TEST(SalIndex, AnnotationsWrittenThroughTheDriversOwnMacros) {
  runOn("#include <driverspecs.h>\n"
        "#define MY_LOCKED _IRQL_requires_(DISPATCH_LEVEL) _IRQL_requires_same_\n"
        "#define MY_MAX(l) _IRQL_requires_max_(l)\n"
        "#define MY_RULES MY_MAX(APC_LEVEL) _When_(w != 0, _IRQL_requires_max_(PASSIVE_LEVEL))\n"
        "#define MY_REAL_TOKENS int\n"
        "#define _My_locked_ _IRQL_requires_min_(APC_LEVEL)\n"
        "_My_locked_ void m(void);\n"
        "MY_LOCKED void f(void);\n"
        "MY_MAX(PASSIVE_LEVEL) void g(void);\n"
        "MY_RULES void h(int w);\n"
        "MY_REAL_TOKENS k(void);\n",
        [](ASTContext &Ctx, const SalIndex &Idx) {
          auto F = Idx.functionAnnotations(find<FunctionDecl>(Ctx, "f"));
          ASSERT_EQ(F.size(), 2u); // two annotations from one use of MY_LOCKED
          EXPECT_EQ(F[0].Name, "_IRQL_requires_");
          EXPECT_EQ(F[0].Via, "MY_LOCKED");
          ASSERT_TRUE(F[0].Args.size() == 1 && F[0].Args[0].Value);
          EXPECT_EQ(*F[0].Args[0].Value, 2);
          EXPECT_EQ(F[1].Name, "_IRQL_requires_same_");
          auto G = Idx.functionAnnotations(find<FunctionDecl>(Ctx, "g"));
          ASSERT_EQ(G.size(), 1u);
          ASSERT_TRUE(G[0].Args.size() == 1 && G[0].Args[0].Value);
          EXPECT_EQ(*G[0].Args[0].Value, 0);
          // A driver macro used inside another, and a _When_ whose nested
          // annotation stays nested.
          auto H = Idx.functionAnnotations(find<FunctionDecl>(Ctx, "h"));
          ASSERT_EQ(H.size(), 2u);
          EXPECT_EQ(H[0].Name, "_IRQL_requires_max_");
          EXPECT_EQ(H[0].Via, "MY_RULES");
          EXPECT_EQ(H[1].Name, "_When_");
          ASSERT_EQ(H[1].Args.size(), 2u);
          ASSERT_EQ(H[1].Nested.size(), 1u);
          EXPECT_EQ(H[1].Nested[0].Name, "_IRQL_requires_max_");
          EXPECT_TRUE(Idx.functionAnnotations(find<FunctionDecl>(Ctx, "k")).empty());
          // Named like an annotation, but the driver's own.
          auto M = Idx.functionAnnotations(find<FunctionDecl>(Ctx, "m"));
          ASSERT_EQ(M.size(), 1u);
          EXPECT_EQ(M[0].Name, "_IRQL_requires_min_");
          EXPECT_EQ(M[0].Via, "_My_locked_");
        });
}

} // namespace
} // namespace vmbcheck
