#include "app/launch.h"

int main(int argc, char** argv)
{
    return latchkey::app::launch(argc, argv);
}
