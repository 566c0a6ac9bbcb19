// The latchkey app exactly as shipped, except that the user-verification prompt confirms every
// request at once: what bench_signin measures is the app's own path (page, bridge, client,
// authenticator, key store, handler, database, paint), not how fast a person presses Enter.
#include "app/launch.h"
#include "app/qml_user_verifier.h"

int main(int argc, char** argv)
{
    latchkey::app::QmlUserVerifier::confirmEveryRequestForBenchmark(true);
    return latchkey::app::launch(argc, argv);
}
