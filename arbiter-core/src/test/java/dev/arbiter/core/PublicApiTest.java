package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy engine's public surface stays small: its internals are package-private. */
class PublicApiTest {

    @Test
    void policyEngineApi_isPublic() {
        List<Class<?>> api = List.of(
                Policy.class,
                Condition.class,
                PolicyAction.class,
                PolicyMode.class,
                PolicyParser.class,
                PolicyValidationException.class,
                FieldError.class,
                PolicyContext.class,
                PolicyContext.Builder.class,
                PolicySet.class,
                Decision.class,
                PolicyMatch.class,
                EvaluationError.class);

        assertThat(api).allMatch(type -> Modifier.isPublic(type.getModifiers()));
    }

    @Test
    void evaluatorInternals_arePackagePrivate() {
        List<Class<?>> internals = List.of(
                ActionType.class,
                CelEnvironment.class,
                CelExpression.class,
                CompiledCondition.class,
                CompiledPolicy.class,
                ConditionCompiler.class,
                ConditionReader.class,
                EqualitySet.class,
                FieldRef.class,
                Frozen.class,
                Operator.class,
                PolicyCompiler.class,
                PolicyIds.class,
                PolicyIndex.class,
                PolicyReader.class,
                Scalars.class,
                ValueTest.class);

        assertThat(internals).noneMatch(type -> Modifier.isPublic(type.getModifiers()));
    }
}
