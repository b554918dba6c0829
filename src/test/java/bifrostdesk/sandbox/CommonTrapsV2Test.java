package bifrostdesk.sandbox;

import bifrostdesk.virtualkey.model.Dialect;

/** {@link CommonTrapsTest} on V2: everything LATER traps, v2.2.6 traps too (REFERENCE-v2 §11 intro). */
class CommonTrapsV2Test extends CommonTrapsTest {
    @Override
    Dialect dialect() {
        return Dialect.V2;
    }
}
