package check

import (
	"os"
	"testing"

	"github.com/dangjian/dangjian/internal/testenv"
)

func TestMain(m *testing.M) {
	testenv.StandInForECharts()
	os.Exit(m.Run())
}
