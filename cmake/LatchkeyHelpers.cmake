# Warnings for our own targets only; errors when LATCHKEY_WERROR is on (CI).
function(latchkey_warnings target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
            -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
        if(LATCHKEY_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()

# A static library of ours: warnings, C++20, include root at src/.
function(latchkey_library name)
    add_library(${name} STATIC ${ARGN})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_compile_features(${name} PUBLIC cxx_std_20)
    latchkey_warnings(${name})
endfunction()

# One QtTest executable registered with CTest, named after the test class file.
#   latchkey_add_test(NAME test_x SOURCES test_x.cpp LIBS lib... [LABELS l...] [TIMEOUT s] [ENV k=v...])
function(latchkey_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    latchkey_warnings(${T_NAME})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "LATCHKEY_SHARED_DIR=${LATCHKEY_SHARED_DIR};LATCHKEY_ARTIFACTS_DIR=${LATCHKEY_ARTIFACTS_DIR};QT_QPA_PLATFORM=offscreen;${T_ENV}")
    if(T_LABELS)
        set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}")
    endif()
endfunction()
